package org.medunion.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Slice;

/** The only way into the trail: record and read, never change. */
public interface AuditTrail {

    /**
     * Records what the current caller did, with their client address, the purpose of use their role implies and,
     * beside it, any purpose they claimed ({@code X-Purpose-Of-Use} header), in the caller's transaction: a change
     * that rolls back leaves no row.
     */
    default void record(AuditAction action, String objectType, @Nullable String objectId, @Nullable String residentRef,
                        @Nullable String detail) {
        record(AuditRecord.of(action, objectType, objectId).resident(residentRef).detail(detail));
    }

    /**
     * As {@link #record(AuditAction, String, String, String, String)}, with the purpose of use the platform derived
     * from the care relationship that allowed the access (e.g. {@code REFERRAL_RECEIVED}); null = the role's purpose.
     */
    default void record(AuditAction action, String objectType, @Nullable String objectId, @Nullable String residentRef,
                        @Nullable String detail, @Nullable String purpose) {
        record(AuditRecord.of(action, objectType, objectId).resident(residentRef).detail(detail).purpose(purpose));
    }

    default void record(AuditAction action, String objectType, @Nullable String objectId) {
        record(action, objectType, objectId, null, null);
    }

    /** Records one event; fields it leaves null take the current caller, address and role purpose. */
    void record(AuditRecord event);

    /** Newest first; filters are optional (null = any). */
    List<AuditEntry> search(AuditQuery query);

    long count(AuditQuery query);

    /**
     * One page of the trail, newest first ({@code query.limit()} rows from {@code offset}, cut in SQL), of the
     * events recorded between {@code from} and {@code to} (both inclusive, null = open), with the number of all
     * matches.
     */
    default Slice<AuditEntry> search(AuditQuery query, @Nullable Instant from, @Nullable Instant to, int offset) {
        return search(query, Set.of(), from, to, offset);
    }

    /** As {@link #search(AuditQuery, java.time.Instant, java.time.Instant, int)}, limited to any of {@code actions} (empty = any). */
    Slice<AuditEntry> search(AuditQuery query, Set<AuditAction> actions, @Nullable Instant from,
                             @Nullable Instant to, int offset);

    /** One row of the trail by its ID. */
    Optional<AuditEntry> find(UUID id);

    /** Walks the hash chain from its first row and reports the first break, if any. */
    ChainVerification verifyChain();

    /**
     * Filters of a trail query; null = any. {@code offset} pages through the newest-first order.
     *
     * @param from inclusive, {@code to} exclusive
     */
    record AuditQuery(@Nullable String actor, @Nullable String objectType, @Nullable String objectId,
                      @Nullable String residentRef, @Nullable AuditAction action, @Nullable Instant from,
                      @Nullable Instant to, int offset, int limit) {

        public AuditQuery(@Nullable String actor, @Nullable String objectType, @Nullable String objectId,
                          @Nullable String residentRef, int limit) {
            this(actor, objectType, objectId, residentRef, null, null, null, 0, limit);
        }

        public static AuditQuery forObject(String type, String id) {
            return new AuditQuery(null, type, id, null, 100);
        }
    }
}
