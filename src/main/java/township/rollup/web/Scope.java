package township.rollup.web;

import java.util.Optional;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.store.AccountStore.Role;

/**
 * What one person may see and do: a unit of the registry and a role. A township sees its own unit; an
 * office its unit and every unit below it; an admin the whole registry. Only a township sends files, and
 * only its own: the office never edits a unit's numbers. A code that is not in the registry is covered by
 * no one, so a page for it is never shown.
 */
public record Scope(Role role, String unitCode) {

	/** Whether the unit {@code code} is within this scope. */
	public boolean covers(Registry registry, String code) {
		Optional<Unit> target = registry.unit(code);
		if (target.isEmpty()) {
			return false;
		}
		return switch (role) {
			case ADMIN -> true;
			case TOWNSHIP -> code.equals(unitCode);
			case OFFICE -> code.equals(unitCode)
					|| registry.unit(unitCode).map(own -> registry.isAncestor(own, target.get())).orElse(false);
		};
	}

	/** Whether this scope may send a file for the unit {@code code}: a township, for itself. */
	public boolean maySend(Registry registry, String code) {
		return role == Role.TOWNSHIP && code.equals(unitCode) && registry.member(code).isPresent();
	}

}
