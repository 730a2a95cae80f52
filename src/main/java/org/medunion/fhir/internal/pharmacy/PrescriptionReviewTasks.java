package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Systems;
import org.medunion.fhir.internal.Versions;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The review Task {@code <prescription>-review} behind the Task and Provenance endpoints (docs/fhir.md "Pharmacy"):
 * a HIS reads it for the review result; a pre-review system finds its queue with
 * {@code Task?code=pharmacist-review&owner=Organization/<id>&status=requested} and decides by {@code PUT} — status
 * completed approves (a note makes it approved-with-note), on-hold with a {@code statusReason} returns it to the
 * prescriber — with the same rules, scope and audit as the console.
 */
@Component
public class PrescriptionReviewTasks {

    /** Task.status → the prescription states it stands for. */
    static final Map<String, Set<PrescriptionStatus>> TASK_STATUS = Map.of(
            "requested", EnumSet.of(PrescriptionStatus.IN_REVIEW),
            "on-hold", EnumSet.of(PrescriptionStatus.RETURNED),
            "completed", EnumSet.of(PrescriptionStatus.APPROVED, PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionStatus.DISPENSED,
                    PrescriptionStatus.NOT_DISPENSED),
            "cancelled", EnumSet.of(PrescriptionStatus.CANCELLED),
            "draft", EnumSet.noneOf(PrescriptionStatus.class), "received", EnumSet.noneOf(PrescriptionStatus.class),
            "accepted", EnumSet.noneOf(PrescriptionStatus.class), "rejected", EnumSet.noneOf(PrescriptionStatus.class),
            "ready", EnumSet.noneOf(PrescriptionStatus.class), "in-progress", EnumSet.noneOf(PrescriptionStatus.class));

    private final PrescriptionRecords records;
    private final PharmacyManagement pharmacy;

    PrescriptionReviewTasks(PrescriptionRecords records, PharmacyManagement pharmacy) {
        this.records = records;
        this.pharmacy = pharmacy;
    }

    /** Whether a Task or Provenance id names a prescription's review ({@code <uuid>-review}). */
    public static boolean isReview(IdType id) {
        var part = PharmacyFhir.part(id.getIdPart());
        return part != null && PharmacyFhir.REVIEW_SUFFIX.equals("-" + part.suffix());
    }

    /** Whether a Task {@code code} parameter asks for review tasks ({@code pharmacist-review}, with or without its system). */
    public static boolean isReview(@Nullable TokenParam code) {
        return code != null && Systems.code(PrescriptionIssue.PHARMACIST_REVIEW).equals(code.getValue())
                && (code.getSystem() == null || code.getSystem().isBlank() || PharmacyFhir.CS_ISSUE.equals(code.getSystem()));
    }

    public Task read(IdType id) {
        var entry = entry(id);
        Versions.requireCurrent(id, entry.view().version());
        return PrescriptionToReviewMapper.task(entry);
    }

    public Provenance provenance(IdType id) {
        var entry = entry(id);
        Versions.requireCurrent(id, entry.view().version());
        var p = PrescriptionToReviewMapper.provenance(entry);
        if (p == null) {
            throw new ResourceNotFoundException(id);
        }
        return p;
    }

    public IBundleProvider search(@Nullable UUID owner, @Nullable UUID resident, @Nullable TokenParam status,
                                  @Nullable DateRangeParam lastUpdated, Pages.Request page) {
        var any = EnumSet.allOf(PrescriptionStatus.class);
        Set<PrescriptionStatus> states = any;
        if (status != null) {
            var tokens = new TokenOrListParam();
            tokens.add(status);
            states = PharmacyFhir.statuses(tokens, TASK_STATUS, any);
            if (states.isEmpty()) {
                return Pages.of(page, List.of(), 0);
            }
        }
        var matches = records.reviews(owner, resident, states.equals(any) ? EnumSet.noneOf(PrescriptionStatus.class) : states,
                LastUpdated.window(lastUpdated));
        return PharmacyFhir.page(records, matches, m -> 1, e -> List.of(PrescriptionToReviewMapper.task(e)), page);
    }

    /** The pharmacist's decision: completed approves, on-hold with a reason returns; the same status changes nothing. */
    public MethodOutcome update(IdType id, Task task) {
        var entry = entry(id);
        PrescriptionView current = entry.view();
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(current.version()))) {
            throw new ConflictException("common.staleVersion", "Task.meta.versionId");
        }
        if (!task.hasStatus()) {
            throw new InvalidInputException("Task.status", "field.required");
        }
        var prescription = new PrescriptionId(current.id());
        if (task.getStatus() != PrescriptionToReviewMapper.status(current.status())) {
            String note = task.hasNote() ? task.getNoteFirstRep().getText() : null;
            switch (task.getStatus()) {
                case COMPLETED -> pharmacy.approve(prescription, new ReviewDecision(note, null));
                case ONHOLD -> {
                    String reason = task.hasStatusReason() ? task.getStatusReason().getText() : null;
                    if (reason == null || reason.isBlank()) {
                        throw new InvalidInputException("Task.statusReason", "field.required");
                    }
                    pharmacy.returnToPrescriber(prescription, new ReviewDecision(null, reason));
                }
                default -> throw new InvalidInputException("Task.status", "request.unknownValue", task.getStatus().toCode(),
                        "completed, on-hold");
            }
        }
        var updated = records.read(prescription); // the Task as it is now, with its review history
        var outcome = new MethodOutcome(new IdType("Task", id.getIdPart(), Long.toString(updated.view().version())));
        outcome.setResource(PrescriptionToReviewMapper.task(updated));
        return outcome;
    }

    private PrescriptionRecords.Entry entry(IdType id) {
        var part = PharmacyFhir.part(id.getIdPart());
        if (part == null) {
            throw new ResourceNotFoundException(id);
        }
        try {
            return records.read(part.prescription());
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }
}
