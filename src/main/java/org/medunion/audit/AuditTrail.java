package org.medunion.audit;

import java.util.List;

/** The only way into the trail: record and read, never change. */
public interface AuditTrail {

    /**
     * Records what the current caller did, with their client address and declared purpose
     * ({@code X-Purpose-Of-Use} header), in the caller's transaction: a change that rolls back leaves no row.
     */
    void record(AuditAction action, String objectType, String objectId, String residentRef, String detail);

    default void record(AuditAction action, String objectType, String objectId) {
        record(action, objectType, objectId, null, null);
    }

    /** Newest first; filters are optional (null = any). */
    List<AuditEntry> search(AuditQuery query);

    long count(AuditQuery query);

    /**
     * One page of the trail, newest first ({@code query.limit()} rows from {@code offset}, cut in SQL), of the
     * events recorded between {@code from} and {@code to} (both inclusive, null = open), with the number of all
     * matches.
     */
    org.medunion.shared.Slice<AuditEntry> search(AuditQuery query, java.time.Instant from, java.time.Instant to, int offset);

    /** One row of the trail by its ID. */
    java.util.Optional<AuditEntry> find(java.util.UUID id);

    record AuditQuery(String actor, String objectType, String objectId, String residentRef, int limit) {
        public static AuditQuery forObject(String type, String id) {
            return new AuditQuery(null, type, id, null, 100);
        }
    }
}
