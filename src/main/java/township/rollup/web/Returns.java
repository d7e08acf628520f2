package township.rollup.web;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.registry.Registry;
import township.rollup.store.AuditStore;
import township.rollup.store.ReturnStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.YearStateStore;

/**
 * The office's return (退回) of a unit's current version with a comment: recorded with who, when and which
 * version, and audited. The office never touches the unit's numbers: the version keeps the verdict the rules
 * gave it, and the return ends when the unit sends its next version. The scope is checked here again,
 * whatever the route checked.
 */
public final class Returns {

	/** The longest comment, in characters: a few sentences a township reads and acts on. */
	public static final int MAX_COMMENT = 500;

	/** What became of a return: done (the version returned), or refused with the catalogue's key. */
	public sealed interface Outcome {

		record Returned(int version) implements Outcome {
		}

		record Refused(String key) implements Outcome {
		}

	}

	private final PortalSettings settings;

	private final PortalJobs jobs;

	private final UnitRecordStore records;

	private final ReturnStore returns;

	private final AuditStore audit;

	private final YearStateStore years;

	private final Clock clock;

	public Returns(PortalSettings settings, PortalJobs jobs, UnitRecordStore records, ReturnStore returns,
			AuditStore audit, YearStateStore years, Clock clock) {
		this.settings = settings;
		this.jobs = jobs;
		this.records = records;
		this.returns = returns;
		this.audit = audit;
		this.years = years;
		this.clock = clock;
	}

	/** Whether {@code user} may return the unit {@code code}'s version: an office above it or the admin. */
	static boolean mayReturn(PortalUser user, Registry registry, String code) {
		return switch (user.scope().role()) {
			case TOWNSHIP -> false;
			case OFFICE -> !code.equals(user.scope().unitCode()) && user.scope().covers(registry, code);
			case ADMIN -> user.scope().covers(registry, code);
		};
	}

	/** Whether the unit has a current version to return (sent, one file: not missing, not a conflict). */
	static boolean hasVersion(Optional<UnitRecordStore.UnitRecord> found) {
		return found.isPresent() && found.get().version() != null && found.get().line().submissionId() != null
				&& found.get().line().status() != UnitStatus.MISSING && !found.get().line().conflict();
	}

	public Outcome send(PortalUser user, String code, String comment, String address) {
		if (!mayReturn(user, settings.registry(), code)) {
			throw new AccessDeniedException(code);
		}
		String text = comment == null ? "" : comment.strip();
		if (text.isEmpty()) {
			return new Outcome.Refused("portal.return.empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
			return new Outcome.Refused("portal.return.too-long");
		}
		int year = settings.year();
		// one at a time with the runs: a nightly reads the board once, before or after the return
		return jobs.exclusive(() -> {
			if (years.isFinal(year)) {
				return new Outcome.Refused("portal.return.final");
			}
			Optional<UnitRecordStore.UnitRecord> found = records.one(year, code);
			if (!hasVersion(found)) {
				return new Outcome.Refused("portal.return.no-version");
			}
			BoardLine line = found.get().line();
			if (line.returned()) {
				return new Outcome.Refused("portal.return.already");
			}
			int version = found.get().version();
			returns.add(new ReturnStore.Return(year, code, line.submissionId(), version, user.username(), text,
					clock.instant()));
			audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.UNIT_RETURNED, user.username(), code,
					address, "v" + version + ": " + text));
			return new Outcome.Returned(version);
		});
	}

}
