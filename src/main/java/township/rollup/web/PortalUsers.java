package township.rollup.web;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import township.rollup.store.AccountStore;

/** The accounts as Spring Security signs them in: locked while the throttle says so, disabled when disabled. */
final class PortalUsers implements UserDetailsService {

	private final AccountStore accounts;

	private final SignInThrottle throttle;

	PortalUsers(AccountStore accounts, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String name = username == null ? "" : username.strip();
		return accounts.find(name)
			.map(a -> PortalUser.of(a, throttle.lockedUntil(name).isPresent()))
			.orElseThrow(() -> new UsernameNotFoundException(name));
	}

}
