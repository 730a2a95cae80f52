package org.medunion.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Account administration for the security administrator (安全管理员, 等保 三员): the only role that creates
 * accounts, changes roles and scopes, disables, unlocks and resets. Every change is audited and every change
 * that takes rights away revokes the account's tokens.
 */
public interface AccountAdministration {

    /** Creates an account with a temporary password that must be changed at first login. */
    CreatedAccount create(NewAccountRequest request);

    AccountPage list(int page, int size);

    /** One page of the accounts that pass the filter, ordered by username. */
    AccountPage list(AccountFilter filter, int page, int size);

    AccountView get(String username);

    /** Disabling revokes every token of the account. */
    AccountView setEnabled(String username, boolean enabled);

    /** Clears the lock-out of every source address. */
    AccountView unlock(String username);

    /** A new temporary password (returned once) that must be changed; revokes every token and clears TOTP. */
    CreatedAccount resetPassword(String username);

    /** Changes role and scope; revokes every token so the new rights apply at once. */
    AccountView changeRole(String username, @Nullable Role role, Scope scope);

    record NewAccountRequest(String username, String displayName, @Nullable Role role, Scope scope) {
    }

    record AccountView(String username, String displayName, Role role, Scope scope, boolean enabled, boolean locked,
                       boolean mustChangePassword, boolean totpEnrolled) {
    }

    /** The temporary password is shown once and never stored in clear. */
    record CreatedAccount(AccountView account, String temporaryPassword) {
    }

    record AccountPage(List<AccountView> items, int page, int size, long total) {
    }

    /**
     * What the account list shows: all fields optional.
     *
     * @param text       part of the username or the display name
     * @param lockedOnly only accounts locked out from some source address now
     */
    record AccountFilter(@Nullable String text, @Nullable Role role, boolean lockedOnly) {

        public static final AccountFilter ALL = new AccountFilter(null, null, false);
    }
}
