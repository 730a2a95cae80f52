package org.medunion.identity;

/**
 * Something happened to an account or a login that the audit trail must show (等保 L3 security audit).
 * Published synchronously by the identity module; the audit module records it. Never carries a password,
 * a hash, a token or a TOTP secret.
 *
 * @param type     what happened
 * @param username the account concerned, as typed for failed logins (the name need not exist)
 * @param detail   short reason, e.g. {@code locked 15 min} or {@code role GP -> SPECIALIST}
 */
public record AccountEvent(Type type, String username, String detail) {

    public enum Type {
        LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, ACCOUNT_CHANGED, TOKEN_REVOKED, PASSWORD_CHANGED
    }
}
