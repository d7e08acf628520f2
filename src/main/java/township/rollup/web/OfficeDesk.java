package township.rollup.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.batch.JobNames;
import township.rollup.batch.RunHistory;
import township.rollup.board.Board;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.output.OutputNames;
import township.rollup.output.ReadableReports;
import township.rollup.output.ReportPublisher;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.JobRunStore;
import township.rollup.store.YearStateStore;

/**
 * The office's side of the board: when the nightly last ran and how it ended (from the job repository, as
 * {@code jobs/rollup status} reads it) with the board's counts, when it runs next, whether this person may
 * run it now or reopen the year, and the published files they may download. The files are found by the
 * names the publishing run gives them ({@link OutputNames}), never by a name from a request.
 */
public final class OfficeDesk {

	/** A file the person may download: its words and its route. */
	public record Download(String label, String href) {
	}

	/** What the person may download, and where each file lies. */
	enum Published {

		REPORT, WORKBOOK, UNIT_CSV

	}

	private final PortalSettings settings;

	private final RunHistory history;

	private final NightlySchedule schedule;

	private final NightlyNow now;

	private final YearStateStore years;

	private final java.time.Clock clock;

	public OfficeDesk(PortalSettings settings, RunHistory history, NightlySchedule schedule, NightlyNow now,
			YearStateStore years, java.time.Clock clock) {
		this.settings = settings;
		this.history = history;
		this.schedule = schedule;
		this.now = now;
		this.years = years;
		this.clock = clock;
	}

	/** The published file of the year, if this person may have it and it is there; empty otherwise. */
	Optional<Path> published(PortalUser user, Published what, String unitCode) {
		Registry registry = settings.registry();
		int year = settings.year();
		Path dir = settings.rollup().outputDir().resolve(String.valueOf(year));
		Path file = switch (what) {
			// the whole registry's page and workbook: for who may run the whole registry's nightly
			case REPORT -> NightlyNow.mayRun(user, registry) ? dir.resolve(ReadableReports.REPORT_FILE) : null;
			case WORKBOOK -> NightlyNow.mayRun(user, registry)
					? OutputNames.within(dir, OutputNames.named(registry.consolidating(), year, ".xlsx")) : null;
			case UNIT_CSV -> registry.unit(unitCode)
				.filter(u -> !registry.isLeaf(u.code()))
				.map(u -> OutputNames.within(dir, ReportPublisher.reportFileName(u, year)))
				.orElse(null);
		};
		return Optional.ofNullable(file).filter(Files::isRegularFile);
	}

	Map<String, Object> model(PortalUser user, Board board) {
		Registry registry = settings.registry();
		Messages m = Messages.of(user.language());
		OfficeTime times = settings.rollup().times();
		int year = settings.year();
		Map<String, Object> v = new LinkedHashMap<>();
		Optional<JobRunStore.Run> last = history.runs(year)
			.stream()
			.filter(r -> JobNames.NIGHTLY.equals(r.jobName()))
			.findFirst();
		Board.Counts counts = board.fileCounts();
		v.put("lastRun", last.map(r -> m.get("portal.office.last-run", times.format(r.startTime()),
				r.endTime() == null ? m.get("portal.office.not-ended") : times.format(r.endTime()), r.status().name(),
				String.valueOf(r.exitCode()), String.valueOf(r.executionId())))
			.orElse(m.get("portal.office.never-run")));
		v.put("boardCounts", m.get("portal.office.counts", counts.accepted(), counts.rejected(), counts.missing()));
		Optional<Instant> next = schedule.next(clock.instant());
		v.put("nextRun", next.map(t -> m.get("portal.office.next-run", times.format(t)))
			.orElse(m.get("portal.office.no-schedule")));
		v.put("mayRun", NightlyNow.mayRun(user, registry));
		v.put("underWay", now.underWay());
		v.put("mayReopen", user.scope().role() == township.rollup.store.AccountStore.Role.ADMIN && years.isFinal(year));
		v.put("reasonMax", township.rollup.cli.YearReopening.MAX_REASON);
		List<Download> downloads = new ArrayList<>();
		String own = user.scope().role() == township.rollup.store.AccountStore.Role.ADMIN
				? registry.consolidating().code() : user.scope().unitCode();
		published(user, Published.REPORT, own)
			.ifPresent(p -> downloads.add(new Download(m.get("portal.office.download.report"), "/reports/report.html")));
		published(user, Published.WORKBOOK, own)
			.ifPresent(p -> downloads.add(new Download(m.get("portal.office.download.workbook"), "/reports/workbook.xlsx")));
		Unit ownUnit = registry.unit(own).orElse(null);
		if (ownUnit != null) {
			published(user, Published.UNIT_CSV, own).ifPresent(p -> downloads.add(new Download(
					m.get("portal.office.download.csv", ownUnit.name()), "/units/" + ownUnit.code() + "/report.csv")));
		}
		v.put("downloads", downloads);
		return v;
	}

}
