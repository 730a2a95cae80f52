package org.medunion.audit;

/** What was done to the object. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    // accounts and logins (identity's AccountEvent, recorded by AccountEventAuditor)
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_CHANGED,
    TOKEN_REVOKED,
    PASSWORD_CHANGED
}
