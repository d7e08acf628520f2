package township.rollup.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import township.rollup.cli.YearReopening;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.registry.Unit;
import township.rollup.store.AccountStore.Role;
import township.rollup.store.AuditStore;
import township.rollup.store.ReturnStore;

/**
 * The office's acts: returning (退回) a unit's version with a comment, running the nightly now, downloading
 * the published files, and (the admin) reopening a finalized year. Each route checks the person's scope
 * here; the services check it again where they write ({@link Returns#send}, {@link NightlyNow#start}).
 * A unit outside one's scope is 404, an act one's role does not have on a unit one sees is 403.
 */
@Controller
class OfficeController {

	private final PortalSettings settings;

	private final UnitPage page;

	private final Returns returns;

	private final ReturnStore returned;

	private final NightlyNow now;

	private final OfficeDesk desk;

	private final YearReopening reopening;

	private final PortalJobs jobs;

	private final AuditStore audit;

	private final java.time.Clock clock;

	OfficeController(PortalSettings settings, UnitPage page, Returns returns, ReturnStore returned, NightlyNow now,
			OfficeDesk desk, YearReopening reopening, PortalJobs jobs, AuditStore audit, java.time.Clock clock) {
		this.settings = settings;
		this.page = page;
		this.returns = returns;
		this.returned = returned;
		this.now = now;
		this.desk = desk;
		this.reopening = reopening;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/** A unit in scope that {@code user} may return; 404 outside the scope, 403 for a role that may not. */
	private Unit returnable(PortalUser user, String code) {
		Unit unit = page.visible(user, code);
		if (!Returns.mayReturn(user, settings.registry(), unit.code())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return unit;
	}

	/** The return form with the unit's returns so far; while the current version is returned, that instead of the form. */
	@GetMapping("/units/{code}/returns")
	String returnForm(@AuthenticationPrincipal PortalUser user, @PathVariable String code, Model model) {
		Unit unit = returnable(user, code);
		Messages m = Messages.of(user.language());
		OfficeTime times = settings.rollup().times();
		List<UnitPage.ReturnLine> past = returned.ofUnit(settings.year(), unit.code())
			.stream()
			.map(r -> new UnitPage.ReturnLine("v" + r.version(), times.format(r.returnedAt()), r.username(), r.comment()))
			.toList();
		model.addAttribute("year", settings.year());
		model.addAttribute("unitName", unit.name());
		model.addAttribute("unitCode", unit.code());
		model.addAttribute("returns", past);
		model.addAttribute("commentMax", Returns.MAX_COMMENT);
		model.addAttribute("timeZone", times.note(m));
		model.addAttribute("user", user);
		Map<String, Object> state = new LinkedHashMap<>();
		page.returnModel(state, user, unit, m, times);
		model.addAllAttributes(state);
		return "portal/returns";
	}

	/** Returns the unit's current version with a comment; back to the unit's page, which shows it. */
	@PostMapping("/units/{code}/returns")
	String returnVersion(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@RequestParam(name = "comment", required = false) String comment, HttpServletRequest request,
			RedirectAttributes redirect) {
		Unit unit = returnable(user, code);
		Messages m = Messages.of(user.language());
		Returns.Outcome outcome = returns.send(user, unit.code(), comment, request.getRemoteAddr());
		if (outcome instanceof Returns.Outcome.Refused refused) {
			redirect.addFlashAttribute("refused", m.get(refused.key(), Returns.MAX_COMMENT, settings.year()));
			return "redirect:/units/" + unit.code() + "/returns";
		}
		redirect.addFlashAttribute("received",
				m.get("portal.return.done", ((Returns.Outcome.Returned) outcome).version(), unit.name()));
		return "redirect:/units/" + unit.code();
	}

	/** Starts the nightly (the root's office and the admin); back to the board. */
	@PostMapping("/nightly")
	String runNightly(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, RedirectAttributes redirect) {
		if (!NightlyNow.mayRun(user, settings.registry())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Messages m = Messages.of(user.language());
		boolean started = now.start(user, request.getRemoteAddr());
		redirect.addFlashAttribute(started ? "received" : "refused",
				m.get(started ? "portal.office.run-started" : "portal.office.run-under-way"));
		return "redirect:/board";
	}

	/** Reopens a finalized year with a reason (the admin's), as {@code jobs/rollup reopen} does; back to the board. */
	@PostMapping("/reopen")
	String reopen(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "reason", required = false) String reason,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (user.scope().role() != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Messages m = Messages.of(user.language());
		int year = settings.year();
		String text = reason == null ? "" : reason.strip();
		if (!YearReopening.fits(text, user.username())) {
			redirect.addFlashAttribute("refused", m.get("portal.reopen.reason", YearReopening.MAX_REASON));
			return "redirect:/board";
		}
		// no run while the year changes state: the portal's runs wait for it, as a command waits for the lock
		YearReopening.Outcome outcome = jobs.exclusive(() -> reopening.reopen(year, user.username(), text));
		if (!(outcome instanceof YearReopening.Outcome.Reopened done)) {
			redirect.addFlashAttribute("refused", m.get("portal.reopen.not-final", year));
			return "redirect:/board";
		}
		audit.add(new AuditStore.Event(clock.instant(), AuditStore.Kind.YEAR_REOPENED, user.username(),
				user.scope().unitCode(), request.getRemoteAddr(), year + ": " + text));
		boolean filesFailed = done.manifestError() != null || done.publishError() != null;
		redirect.addFlashAttribute(filesFailed ? "refused" : "received", filesFailed
				? m.get("portal.reopen.files-failed", year,
						String.valueOf(done.publishError() != null ? done.publishError() : done.manifestError()))
				: m.get("portal.reopen.done", year));
		return "redirect:/board";
	}

	@GetMapping("/reports/report.html")
	ResponseEntity<byte[]> report(@AuthenticationPrincipal PortalUser user) {
		return file(user, OfficeDesk.Published.REPORT, null, new MediaType("text", "html", StandardCharsets.UTF_8));
	}

	@GetMapping("/reports/workbook.xlsx")
	ResponseEntity<byte[]> workbook(@AuthenticationPrincipal PortalUser user) {
		return file(user, OfficeDesk.Published.WORKBOOK, null,
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	/** A level's consolidated report as published; a unit that sends a file has none (404). */
	@GetMapping("/units/{code}/report.csv")
	ResponseEntity<byte[]> unitReport(@AuthenticationPrincipal PortalUser user, @PathVariable String code) {
		if (user.scope().role() == Role.TOWNSHIP) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Unit unit = page.visible(user, code);
		return file(user, OfficeDesk.Published.UNIT_CSV, unit.code(), new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	/** The whole registry's files are for who may run its nightly (403 otherwise); 404 before they are published. */
	private ResponseEntity<byte[]> file(PortalUser user, OfficeDesk.Published what, String unitCode, MediaType type) {
		if (what != OfficeDesk.Published.UNIT_CSV && !NightlyNow.mayRun(user, settings.registry())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Path path = desk.published(user, what, unitCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(path.getFileName().toString(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(type)
			.body(bytes);
	}

}
