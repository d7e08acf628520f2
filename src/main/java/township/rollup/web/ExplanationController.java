package township.rollup.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import township.rollup.registry.Unit;

/**
 * Explaining a unit's open warnings on its page. The route checks the person's scope (not found outside
 * it, refused for anyone but the unit's own township); {@link PortalExplanations} checks it again.
 */
@Controller
class ExplanationController {

	private final PortalSettings settings;

	private final UnitPage page;

	private final PortalExplanations explanations;

	ExplanationController(PortalSettings settings, UnitPage page, PortalExplanations explanations) {
		this.settings = settings;
		this.page = page;
		this.explanations = explanations;
	}

	/** One explanation: the rule it explains and its text. */
	@PostMapping("/units/{code}/explanations")
	String explain(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@RequestParam(name = "rule", defaultValue = "") String rule,
			@RequestParam(name = "text", defaultValue = "") String text, HttpServletRequest request,
			RedirectAttributes redirect) {
		Unit unit = township(user, code);
		return answer(explanations.explain(user, unit.code(), rule, text, request.getRemoteAddr()), unit, redirect);
	}

	/** The previous version's explanations, for the rules still open. */
	@PostMapping("/units/{code}/explanations/copy")
	String copy(@AuthenticationPrincipal PortalUser user, @PathVariable String code, HttpServletRequest request,
			RedirectAttributes redirect) {
		Unit unit = township(user, code);
		return answer(explanations.copy(user, unit.code(), request.getRemoteAddr()), unit, redirect);
	}

	private Unit township(PortalUser user, String code) {
		Unit unit = page.visible(user, code);
		if (!user.scope().maySend(settings.registry(), unit.code())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return unit;
	}

	private static String answer(PortalExplanations.Outcome outcome, Unit unit, RedirectAttributes redirect) {
		if (outcome instanceof PortalExplanations.Outcome.Refused refused) {
			redirect.addFlashAttribute("refused", refused.message());
		}
		else if (outcome instanceof PortalExplanations.Outcome.Saved saved) {
			redirect.addFlashAttribute(saved.runExitCode() == 0 ? "received" : "refused", saved.message());
		}
		return "redirect:/units/" + unit.code();
	}

}
