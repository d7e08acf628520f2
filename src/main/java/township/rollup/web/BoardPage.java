package township.rollup.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import township.rollup.board.Board;
import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.FiledLine;
import township.rollup.board.UnitStatus;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.StatusStore;
import township.rollup.store.UploadStore;

/**
 * An office's board of its subtree, read from the board room's model ({@link Board}): its order (action
 * first), its states worded as report.html words them ({@link BoardState}), one table per level below the
 * office's unit with that level's counts. Who sent each current version is the upload's person where it
 * came through the portal, the inbox otherwise. A township has no board (403); the scope is checked here
 * again, whatever the route checked.
 */
public final class BoardPage {

	/** One unit's row: its state, what has to happen, and who sent which version when. */
	public record Row(String code, String name, String kind, String state, String stateCss, String action,
			String version, String fileName, String sender, String received, int errors, int warnings,
			int openWarnings) {
	}

	/** A level of the subtree: its title, its counts by state, and its units, action first. */
	public record Level(String id, String title, String tally, List<Row> rows) {
	}

	private final PortalSettings settings;

	private final StatusStore status;

	private final UploadStore uploads;

	private final OfficeDesk desk;

	private final java.time.Clock clock;

	public BoardPage(PortalSettings settings, StatusStore status, UploadStore uploads, OfficeDesk desk,
			java.time.Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.status = status;
		this.uploads = uploads;
		this.desk = desk;
	}

	/** The unit whose subtree {@code user} watches: an office's own, the admin's whole registry. */
	Unit top(PortalUser user) {
		Registry registry = settings.registry();
		return switch (user.scope().role()) {
			case TOWNSHIP -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case ADMIN -> registry.consolidating();
			case OFFICE -> registry.unit(user.scope().unitCode())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		};
	}

	public Map<String, Object> model(PortalUser user) {
		Unit top = top(user);
		Registry registry = settings.registry();
		Messages m = Messages.of(user.language());
		OfficeTime times = settings.rollup().times();
		int year = settings.year();
		Board board = Board.filed(registry, status.boardWithFiles(year), settings.deadline(clock.instant()));
		Map<String, List<UploadStore.Upload>> sent = uploads.ofYear(year);
		List<Level> levels = new ArrayList<>();
		ArrayDeque<Unit> queue = new ArrayDeque<>();
		queue.add(top);
		while (!queue.isEmpty()) {
			Unit level = queue.poll();
			List<Unit> children = registry.children(level.code());
			if (children.isEmpty()) {
				continue;
			}
			children.stream().filter(c -> !registry.isLeaf(c.code())).forEach(queue::add);
			Map<BoardState, Integer> tally = new EnumMap<>(BoardState.class);
			List<Row> rows = new ArrayList<>();
			// every unit below the level, those the board has no line for yet (nothing assessed since the
			// registry named them) as sent nothing, in the board's own order
			List<FiledLine> below = new ArrayList<>();
			for (Unit child : children) {
				below.add(board.line(child.code()).orElseGet(() -> new FiledLine(new BoardLine(year, child.code(),
						child.name(), UnitStatus.MISSING, null, null, 0, 0, 0).withPlace(level.code(), child.kind()),
						null, null, null, null, null)));
			}
			below.sort(board.actionFirst());
			for (FiledLine f : below) {
				BoardLine l = f.line();
				// checked again where the data is read: never a unit outside the person's scope
				if (!user.scope().covers(registry, l.unitCode())) {
					continue;
				}
				BoardState state = board.state(l.unitCode());
				tally.merge(state, 1, Integer::sum);
				rows.add(row(m, times, f, state, sent));
			}
			List<String> parts = new ArrayList<>();
			tally.forEach((state, n) -> parts.add(m.get("report.board.tally", m.get("report.board.kind." + state.key()), n)));
			levels.add(new Level("level-" + level.code(), m.get("report.board.title", level.name(), children.size()),
					String.join(m.get("report.list.separator"), parts), rows));
		}
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("year", year);
		v.put("topName", top.name());
		v.put("levels", levels);
		v.put("timeZone", times.note(m));
		// the office's side: the nightly's last and next run, run it now, the published files, reopening
		v.put("office", desk.model(user, board));
		return v;
	}

	private static Row row(Messages m, OfficeTime times, FiledLine f, BoardState state,
			Map<String, List<UploadStore.Upload>> sent) {
		BoardLine l = f.line();
		// several files claim a conflicting unit: none of them is its version, as on report.html
		boolean filed = state != BoardState.CONFLICT && f.version() != null;
		String sender = "";
		if (filed) {
			UploadStore.Upload upload = UnitPage.sender(sent.getOrDefault(UploadStore.key(f.fileName(), f.sha256()),
					List.of()), f.receivedAt());
			sender = upload == null ? m.get("portal.unit.sender.inbox")
					: m.get("portal.unit.sender.portal", upload.username(), times.format(upload.receivedAt()));
		}
		return new Row(l.unitCode(), l.unitName(), l.kind() == null ? "" : l.kind(), state.describe(m, l), state.css(),
				state.action(m), filed ? "v" + f.version() : "", filed ? f.fileName() : "", sender,
				filed ? times.format(f.receivedAt()) : "", l.errorCount(), l.warningCount(), l.openWarningCount());
	}

}
