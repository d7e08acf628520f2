package township.rollup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import township.rollup.i18n.Messages;

/**
 * The sign-in page (Spring Security handles the form's POST) and the change of the one-time password,
 * which every other page waits for ({@link PasswordFirst}).
 */
@Controller
class SignInController {

	private final Accounts accounts;

	SignInController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		Object until = session == null ? null : session.getAttribute(SignInEvents.RETRY_AT);
		model.addAttribute("retryAt", until);
		return "portal/login";
	}

	@GetMapping("/password")
	String password(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("minLength", Accounts.MIN_LENGTH);
		return "portal/password";
	}

	@PostMapping("/password")
	String change(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String next, @RequestParam(defaultValue = "") String repeat,
			HttpServletRequest request, RedirectAttributes redirect) {
		Messages m = Messages.of(user.language());
		if (!next.equals(repeat)) {
			redirect.addFlashAttribute("refused", m.get("portal.password.repeat"));
			return "redirect:/password";
		}
		try {
			accounts.change(user.username(), current, next, request.getRemoteAddr());
		}
		catch (Accounts.Refused refused) {
			redirect.addFlashAttribute("refused", m.get(refused.key(), refused.args()));
			return "redirect:/password";
		}
		// the session's person no longer has to change the password: the other pages open
		Authentication now = SecurityContextHolder.getContext().getAuthentication();
		PortalUser changed = user.passwordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, now.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		// straight to the home page: a flash message lasts one redirect, and "/" would be a second
		redirect.addFlashAttribute("received", m.get("portal.password.changed"));
		return "redirect:" + changed.home();
	}

}
