package township.rollup.web;

import java.io.IOException;
import java.io.UncheckedIOException;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import township.rollup.i18n.Messages;
import township.rollup.output.OutputNames;
import township.rollup.output.ReportPublisher;
import township.rollup.output.SubmissionCsvWriter;
import township.rollup.output.workbook.ReportWorkbook;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormats;

/**
 * A unit's page, sending its file, and its template. Every route checks the person's scope here, and the
 * services check it again where they read or write ({@link UnitPage#visible}, {@link Submissions#send}).
 */
@Controller
class PortalController {

	private final PortalSettings settings;

	private final UnitPage page;

	private final Submissions submissions;

	private final BoardPage board;

	private final AuditPage audit;

	PortalController(PortalSettings settings, UnitPage page, Submissions submissions, BoardPage board,
			AuditPage audit) {
		this.settings = settings;
		this.page = page;
		this.submissions = submissions;
		this.board = board;
		this.audit = audit;
	}

	/** An office's board of its subtree (the admin's: the whole registry); a township has none (403). */
	@GetMapping("/board")
	String board(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAllAttributes(board.model(user));
		model.addAttribute("user", user);
		return "portal/board";
	}

	/** The audit log, for the admin (403 for everyone else), newest first, a page at a time. */
	@GetMapping("/audit")
	String audit(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "before", required = false) Long before,
			Model model) {
		model.addAllAttributes(audit.model(user, before));
		model.addAttribute("user", user);
		return "portal/audit";
	}

	/** The person's own unit. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal PortalUser user) {
		return "redirect:" + user.home();
	}

	@GetMapping("/units/{code}")
	String unit(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@RequestParam(name = UploadLimit.TOO_LARGE, required = false) String tooLarge, Model model) {
		model.addAllAttributes(page.model(user, code));
		if (tooLarge != null) {
			model.addAttribute("refused",
					Messages.of(user.language()).get("portal.send.too-large", township.rollup.ingest.SubmissionParser.MAX_BYTES));
		}
		model.addAttribute("user", user);
		return "portal/unit";
	}

	/**
	 * Sends a file: refused with a message above the size limit (before a byte of it is read), answered
	 * with a redirect to the unit's page, which then shows the verdict and findings.
	 */
	@PostMapping("/units/{code}/submissions")
	String send(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			RedirectAttributes redirect) {
		Unit unit = page.visible(user, code);
		if (!user.scope().maySend(settings.registry(), unit.code())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Messages m = Messages.of(user.language());
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("refused", m.get("portal.send.empty"));
			return "redirect:/units/" + unit.code();
		}
		Submissions.Outcome outcome = submissions.send(user, unit.code(), file.getOriginalFilename(), file.getSize(),
				() -> {
					try {
						return file.getBytes();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, request.getRemoteAddr());
		if (outcome instanceof Submissions.Outcome.Refused refused) {
			redirect.addFlashAttribute("refused", refused.message());
		}
		else if (outcome instanceof Submissions.Outcome.Received received) {
			redirect.addFlashAttribute(received.runExitCode() == 0 ? "received" : "refused",
					received.runExitCode() == 0 ? m.get("portal.send.received", received.fileName())
							: m.get("portal.send.run-failed", received.fileName()));
		}
		return "redirect:/units/" + unit.code();
	}

	@GetMapping("/units/{code}/template.csv")
	ResponseEntity<byte[]> csvTemplate(@AuthenticationPrincipal PortalUser user, @PathVariable String code) {
		Unit unit = templateUnit(user, code);
		byte[] bytes = SubmissionCsvWriter.template(format(), header(unit));
		return download(bytes, ReportPublisher.reportFileName(unit, settings.year()), new MediaType("text", "csv"));
	}

	@GetMapping("/units/{code}/template.xlsx")
	ResponseEntity<byte[]> xlsxTemplate(@AuthenticationPrincipal PortalUser user, @PathVariable String code) {
		Unit unit = templateUnit(user, code);
		byte[] bytes = ReportWorkbook.template(format(), header(unit));
		return download(bytes, OutputNames.named(unit, settings.year(), ".xlsx"),
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	/** A unit in scope that sends a file (the root consolidates and has no template of its own). */
	private Unit templateUnit(PortalUser user, String code) {
		Unit unit = page.visible(user, code);
		return settings.registry().member(unit.code()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private township.rollup.reportformat.ReportFormat format() {
		return ReportFormats.standard().get(settings.rollup().loadYearSettings(settings.year()).formatId());
	}

	private SubmissionCsvWriter.Header header(Unit unit) {
		return new SubmissionCsvWriter.Header(unit.name(), unit.code(), settings.year());
	}

	private static ResponseEntity<byte[]> download(byte[] bytes, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(bytes);
	}

}
