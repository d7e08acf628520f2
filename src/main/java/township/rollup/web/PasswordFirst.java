package township.rollup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/** A person signed in with a one-time password sees no page but the one that changes it. */
final class PasswordFirst implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof PortalUser user && user.mustChange()
				&& !request.getServletPath().equals("/password")) {
			response.sendRedirect(request.getContextPath() + "/password");
			return false;
		}
		return true;
	}

}
