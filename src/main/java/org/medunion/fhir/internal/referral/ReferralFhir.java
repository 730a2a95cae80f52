package org.medunion.fhir.internal.referral;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.References;
import org.medunion.fhir.internal.Systems;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.Urgency;
import org.medunion.shared.InvalidInputException;

/**
 * URIs and code mappings of the referral resources (ServiceRequest + Task, fhir.md). MedUnion code systems
 * live under {@code https://medunion.example/fhir/CodeSystem/}.
 */
final class ReferralFhir {

    static final String BASE = Systems.BASE;
    static final String CS_STATUS = BASE + "/CodeSystem/referral-status";
    static final String CS_DIRECTION = BASE + "/CodeSystem/referral-direction";
    static final String CS_REJECTION = BASE + "/CodeSystem/rejection-reason";
    static final String CS_DESTINATION = BASE + "/CodeSystem/destination-type";
    static final String CS_RULE = BASE + "/CodeSystem/rule";
    static final String EXT_NO_CRITERIA_REASON = BASE + "/StructureDefinition/referral-no-criteria-reason";
    static final String EXT_ROUTING_FINDING = BASE + "/StructureDefinition/referral-routing-finding";
    static final String EXT_DEADLINE = BASE + "/StructureDefinition/referral-acceptance-deadline";
    static final String EXT_ESCALATED = BASE + "/StructureDefinition/referral-escalated";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT 3457005 Patient referral. */
    static final String REFERRAL_CATEGORY = "3457005";
    /** Task.input / Task.output types: booking, summary, care-team, practitioner, planned-start. */
    static final String CS_TASK_PARAMETER = BASE + "/CodeSystem/referral-task-parameter";
    /** What acceptance booked (SLOT, BED, EXAM) — the type of a Slot/Schedule input. */
    static final String CS_BOOKING_KIND = BASE + "/CodeSystem/booking-kind";

    private ReferralFhir() {
    }

    static String code(Enum<?> e) {
        return Systems.code(e);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        for (E c : type.getEnumConstants()) {
            if (code(c).equals(code.trim()) || c.name().equals(code.trim())) {
                return c;
            }
        }
        throw new InvalidInputException(field, "request.unknownValue", code,
                String.join(", ", Arrays.stream(type.getEnumConstants()).map(ReferralFhir::code).toList()));
    }

    /** A referral's or a consultation's urgency (ROUTINE, URGENT, EMERGENCY) → the R4 request priority. */
    static String priority(Enum<?> urgency) {
        return switch (urgency.name()) {
            case "EMERGENCY" -> "stat";
            case "URGENT" -> "urgent";
            default -> "routine";
        };
    }

    static Urgency urgency(@Nullable String priority) {
        if (priority == null) {
            return Urgency.ROUTINE;
        }
        return switch (priority) {
            case "urgent", "asap" -> Urgency.URGENT;
            case "stat" -> Urgency.EMERGENCY;
            default -> Urgency.ROUTINE;
        };
    }

    /** Workflow state → Task.status (the exact state travels in Task.businessStatus). */
    static String taskStatus(ReferralStatus s) {
        return switch (s) {
            case DRAFT -> "draft";
            case SUBMITTED, REDIRECTED -> "requested";
            case ACCEPTED -> "accepted";
            case ARRIVED -> "in-progress";
            case COMPLETED -> "completed";
            case REJECTED -> "rejected";
            case CANCELLED -> "cancelled";
            case EXPIRED -> "failed";
        };
    }

    /** Task.status → the workflow state it asks for (search and updates). */
    static ReferralStatus status(String taskStatus, String field) {
        return switch (taskStatus == null ? "" : taskStatus) {
            case "draft" -> ReferralStatus.DRAFT;
            case "requested" -> ReferralStatus.SUBMITTED;
            case "accepted" -> ReferralStatus.ACCEPTED;
            case "in-progress" -> ReferralStatus.ARRIVED;
            case "completed" -> ReferralStatus.COMPLETED;
            case "rejected" -> ReferralStatus.REJECTED;
            case "cancelled" -> ReferralStatus.CANCELLED;
            case "failed" -> ReferralStatus.EXPIRED;
            default -> throw new InvalidInputException(field, "request.unknownValue", taskStatus,
                    "draft, requested, accepted, in-progress, completed, rejected, cancelled, failed");
        };
    }

    static String serviceRequestStatus(ReferralStatus s) {
        return switch (s) {
            case DRAFT -> "draft";
            case SUBMITTED, REDIRECTED, ACCEPTED, ARRIVED -> "active";
            case COMPLETED -> "completed";
            case REJECTED, CANCELLED, EXPIRED -> "revoked";
        };
    }

    /** {@code Organization/<uuid>} or a bare UUID → the UUID; anything else a 400 naming the element. */
    static UUID uuid(@Nullable String reference, @Nullable String type, String field) {
        return References.uuid(reference, type, field);
    }
}
