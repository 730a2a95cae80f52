package org.medunion.audit;

import org.jspecify.annotations.Nullable;

/**
 * One event to record, for callers that know more than the request does: a denial seen after the security context
 * is gone, a login attempt by a name that is not (yet) the caller, a purpose derived from a care relationship.
 * Null fields are filled in from the current caller and request.
 *
 * @param purpose the purpose of use the platform derived (never a caller's claim), e.g. {@code TREATMENT}
 * @param outcome {@code SUCCESS} (default), {@code DENIED} (403) or {@code UNAUTHENTICATED} (401), {@code FAILURE}
 */
public record AuditRecord(AuditAction action, String objectType, @Nullable String objectId, @Nullable String residentRef,
                          @Nullable String detail, @Nullable String purpose, @Nullable String outcome, @Nullable String actor,
                          @Nullable String actorRole, @Nullable String clientAddress) {

    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FAILURE = "FAILURE";

    public static AuditRecord of(AuditAction action, String objectType, @Nullable String objectId) {
        return new AuditRecord(action, objectType, objectId, null, null, null, null, null, null, null);
    }

    public AuditRecord resident(@Nullable String ref) {
        return new AuditRecord(action, objectType, objectId, ref, detail, purpose, outcome, actor, actorRole, clientAddress);
    }

    public AuditRecord detail(@Nullable String text) {
        return new AuditRecord(action, objectType, objectId, residentRef, text, purpose, outcome, actor, actorRole, clientAddress);
    }

    public AuditRecord purpose(@Nullable String code) {
        return new AuditRecord(action, objectType, objectId, residentRef, detail, code, outcome, actor, actorRole, clientAddress);
    }

    public AuditRecord outcome(@Nullable String code) {
        return new AuditRecord(action, objectType, objectId, residentRef, detail, purpose, code, actor, actorRole, clientAddress);
    }

    /** Who acted when it is not the current caller (e.g. a failed login's user name); role may be null. */
    public AuditRecord actor(String username, @Nullable String role) {
        return new AuditRecord(action, objectType, objectId, residentRef, detail, purpose, outcome, username, role, clientAddress);
    }

    public AuditRecord from(@Nullable String address) {
        return new AuditRecord(action, objectType, objectId, residentRef, detail, purpose, outcome, actor, actorRole, address);
    }
}
