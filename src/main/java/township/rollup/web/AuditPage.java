package township.rollup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.AuditStore;

/**
 * The audit log for the admin, newest first, a bounded page at a time: what happened, who, for which unit,
 * from which address and when. Offices do not see it yet (their subtree's events would need the log
 * filtered by unit); the role is checked here again, whatever the route checked.
 */
public final class AuditPage {

	/** Events on one page at most. */
	static final int PAGE_SIZE = 50;

	/** One event as the page shows it. */
	public record Row(String time, String event, String username, String unit, String address, String detail) {
	}

	private final PortalSettings settings;

	private final AuditStore audit;

	public AuditPage(PortalSettings settings, AuditStore audit) {
		this.settings = settings;
		this.audit = audit;
	}

	/** The page of events older than the event {@code before} (the newest when null). */
	public Map<String, Object> model(PortalUser user, Long before) {
		if (user.scope().role() != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Messages m = Messages.of(user.language());
		OfficeTime times = settings.rollup().times();
		Registry registry = settings.registry();
		// one more than shown says whether there is an older page
		List<AuditStore.Stored> read = audit.page(before, PAGE_SIZE + 1);
		List<AuditStore.Stored> shown = read.subList(0, Math.min(PAGE_SIZE, read.size()));
		List<Row> rows = new ArrayList<>();
		for (AuditStore.Stored s : shown) {
			AuditStore.Event e = s.event();
			String unit = e.unitCode() == null ? ""
					: registry.unit(e.unitCode()).map(Unit::name).map(n -> m.get("portal.audit.unit", n, e.unitCode()))
						.orElse(e.unitCode());
			rows.add(new Row(times.format(e.at()),
					m.get("portal.audit.kind." + e.kind().name().toLowerCase(Locale.ROOT)), text(e.username()), unit,
					text(e.address()), text(e.detail())));
		}
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("rows", rows);
		v.put("older", read.size() > PAGE_SIZE ? shown.get(shown.size() - 1).id() : null);
		v.put("newest", before != null);
		v.put("timeZone", times.note(m));
		return v;
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

}
