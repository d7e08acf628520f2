package township.rollup.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import township.rollup.store.AccountStore;
import township.rollup.store.AuditStore;

/**
 * What happens after a sign-in attempt: each success and failure is logged with the address; failures feed
 * the throttle ({@link SignInThrottle}); a locked account is refused and told when to try again; a person
 * with a one-time password goes to change it first.
 */
final class SignInEvents extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	/** The session attribute with the time a locked account may try again. */
	static final String RETRY_AT = "township.rollup.web.retryAt";

	private final SignInThrottle throttle;

	private final AuditStore audit;

	private final AccountStore accounts;

	private final PortalSettings settings;

	SignInEvents(SignInThrottle throttle, AuditStore audit, AccountStore accounts, PortalSettings settings) {
		this.throttle = throttle;
		this.audit = audit;
		this.accounts = accounts;
		this.settings = settings;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		PortalUser user = (PortalUser) authentication.getPrincipal();
		audit.add(new AuditStore.Event(Instant.now(), AuditStore.Kind.SIGN_IN, user.username(), user.scope().unitCode(),
				request.getRemoteAddr(), null));
		request.getSession().removeAttribute(RETRY_AT);
		if (user.mustChange()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, "/password");
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
		String unit = accounts.find(username).map(AccountStore.Account::unitCode).orElse(null);
		String address = request.getRemoteAddr();
		Optional<SignInThrottle.Locked> locked;
		if (exception instanceof LockedException) {
			throttle.refused(username, unit, address);
			locked = throttle.lockedUntil(username).map(until -> new SignInThrottle.Locked(until, false));
		}
		else {
			locked = throttle.failed(username, unit, address);
		}
		if (locked.isPresent()) {
			refuse(request, response, locked.get(), settings);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/** Tells a refused sign-in until when it is refused, and why: the account's lock, or the address's. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, SignInThrottle.Locked locked,
			PortalSettings settings) throws IOException {
		request.getSession().setAttribute(RETRY_AT, settings.rollup().times().format(locked.until()));
		response.sendRedirect(request.getContextPath() + (locked.address() ? "/login?busy" : "/login?locked"));
	}

}
