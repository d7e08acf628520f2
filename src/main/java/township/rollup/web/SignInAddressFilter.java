package township.rollup.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from an address the throttle has locked ({@link SignInThrottle#addressLockedUntil}),
 * before the password is looked at, and logs it. Placed after the CSRF check and before the form's
 * sign-in, so a request without a token is refused as any other.
 */
final class SignInAddressFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final PortalSettings settings;

	SignInAddressFilter(SignInThrottle throttle, PortalSettings settings) {
		this.throttle = throttle;
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		var until = throttle.addressLockedUntil(address);
		if (until.isPresent()) {
			String username = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
			throttle.refused(username, null, address);
			SignInEvents.refuse(request, response, new SignInThrottle.Locked(until.get(), true), settings);
			return;
		}
		chain.doFilter(request, response);
	}

}
