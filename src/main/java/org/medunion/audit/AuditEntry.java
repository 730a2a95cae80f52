package org.medunion.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the trail.
 *
 * @param objectType  e.g. {@code Institution}, {@code Resident}
 * @param objectId    the object's ID, never a resident ID number
 * @param residentRef the resident index ID when the object is a resident's data, for "who saw my data" queries
 * @param outcome     {@code SUCCESS} or {@code DENIED}
 */
public record AuditEntry(UUID id, Instant occurredAt, String actor, String actorRole, AuditAction action,
                         String objectType, String objectId, String residentRef, String clientAddress,
                         String purpose, String outcome, String detail) {
}
