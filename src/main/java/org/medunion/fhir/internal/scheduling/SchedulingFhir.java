package org.medunion.fhir.internal.scheduling;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.shared.InvalidInputException;

/** URIs and small helpers shared by the Schedule, Slot and Appointment providers (docs/scheduling.md). */
final class SchedulingFhir {

    static final String BASE = Systems.BASE;
    /** Tag on slots reserved for primary institutions and family-doctor teams until release (NN-4). */
    static final String SLOT_POOL_SYSTEM = BASE + "/CodeSystem/slot-pool";
    static final String RESERVED_CODE = "primary-care-reserved";
    static final String SCHEDULE_KIND_SYSTEM = BASE + "/CodeSystem/schedule-kind";
    static final String BOOKING_PRIORITY_SYSTEM = BASE + "/CodeSystem/booking-priority";
    static final String ID_BOOKING = "https://medunion.example/id/booking";

    private SchedulingFhir() {
    }

    static @Nullable Date date(@Nullable Instant i) {
        return i == null ? null : Date.from(i);
    }

    /** The UUID of a logical id or reference ({@code Slot/…}, {@code …}); a malformed one is a 400 naming {@code field}. */
    static UUID uuid(@Nullable String idOrReference, @Nullable String expectedType, String field) {
        if (idOrReference == null || idOrReference.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        var id = new IdType(idOrReference);
        if (id.hasResourceType() && expectedType != null && !expectedType.equals(id.getResourceType())) {
            throw new InvalidInputException(field, "request.invalidField", expectedType);
        }
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.wrongType", idOrReference, "UUID");
        }
    }
}
