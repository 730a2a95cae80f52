package org.medunion.identity;

import java.util.List;
import java.util.Optional;

/** Creates and lists accounts; used by administrators and by the demo-city loader. */
public interface AccountManagement {

    /** Creates an account unless one with that username exists; the password is hashed before it is stored. */
    void ensureAccount(NewAccount account);

    List<CurrentUser> accounts();

    /** One account by its login name (e.g. to show a person's name and title instead of the login name). */
    Optional<CurrentUser> account(String username);

    /**
     * An account to create.
     *
     * @param username    login name
     * @param rawPassword password in clear; only its hash is kept
     * @param displayName shown in the console
     * @param role        role
     * @param scope       scope
     */
    record NewAccount(String username, String rawPassword, String displayName, Role role, Scope scope) {
    }
}
