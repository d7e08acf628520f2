package township.rollup.web;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import township.rollup.i18n.Language;
import township.rollup.store.AccountStore;

/**
 * A signed-in person as the portal knows them: their account's scope, language and whether the one-time
 * password must still be changed. {@code locked} is the sign-in throttle's answer at the time of sign-in.
 */
public record PortalUser(String username, String displayName, Scope scope, Language language,
		boolean mustChange, boolean disabled, boolean locked, String passwordHash) implements UserDetails {

	static PortalUser of(AccountStore.Account a, boolean locked) {
		return new PortalUser(a.username(), a.displayName(), new Scope(a.role(), a.unitCode()),
				Language.of(a.language(), "language"), a.mustChange(), a.disabled(), locked, a.passwordHash());
	}

	/** The same person after changing the one-time password. */
	PortalUser passwordChanged() {
		return new PortalUser(username, displayName, scope, language, false, disabled, locked, null);
	}

	/** The person's own page: their unit's. */
	String home() {
		return "/units/" + scope.unitCode();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return !disabled;
	}

	/** Never in a log or a session dump: the hash stays out of the text. */
	@Override
	public String toString() {
		return "PortalUser[" + username + ", " + scope + "]";
	}

}
