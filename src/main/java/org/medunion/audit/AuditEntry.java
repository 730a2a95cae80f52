package org.medunion.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the trail.
 *
 * @param objectType     e.g. {@code Institution}, {@code Resident}
 * @param objectId       the object's ID, never a resident ID number
 * @param residentRef    the resident index ID when the object is a resident's data, for "who saw my data" queries
 * @param purpose        purpose of use derived from the role and the care relationship
 * @param outcome        {@code SUCCESS}, {@code DENIED}, {@code UNAUTHENTICATED} or {@code FAILURE}
 * @param claimedPurpose what the caller claimed in {@code X-Purpose-Of-Use}, recorded beside the purpose, never as it
 */
public record AuditEntry(UUID id, Instant occurredAt, String actor, String actorRole, AuditAction action,
                         String objectType, String objectId, String residentRef, String clientAddress,
                         String purpose, String outcome, String detail, String claimedPurpose) {
}
