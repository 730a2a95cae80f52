package org.medunion.identity;

import org.medunion.shared.web.CallerPrincipal;

/**
 * The authenticated caller as the other modules see it.
 *
 * @param username    login name, recorded in audit rows
 * @param displayName name shown in the console
 * @param role        the account's role
 * @param scope       where the account works
 */
public record CurrentUser(String username, String displayName, Role role, Scope scope) implements CallerPrincipal {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
