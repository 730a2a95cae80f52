package org.medunion.identity;

/** What the signed-in caller does to their own account from the console. */
public interface OwnAccount {

    /**
     * Checks the current password and the password policy (400 naming {@code currentPassword} or
     * {@code newPassword}), stores the new one and revokes every API token of the account.
     */
    void changeOwnPassword(String currentPassword, String newPassword);

    /** Whether the caller still has a temporary password that must be changed before anything else. */
    boolean mustChangePassword();
}
