package org.medunion.audit;

/** What was done to the object. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT
}
