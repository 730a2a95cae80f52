package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.BookingKind;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.RejectionReason;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * FHIR Task of a referral (same id as its ServiceRequest): {@code status} mirrors the workflow, the exact
 * state is in {@code businessStatus}, {@code owner} is the receiving institution. Receiving systems watch
 * {@code Task?owner=Organization/<id>&status=requested} and act by {@code PUT Task/<id>} with a new status —
 * accepted (with an input referencing the Slot or Schedule to book), rejected (with {@code statusReason}),
 * in-progress (arrived), completed (with an output summary), cancelled — version-aware with If-Match.
 * A changed {@code owner} on a requested Task redirects the referral.
 */
@Component
public class TaskResourceProvider implements IResourceProvider {

    private final ReferralManagement referrals;

    TaskResourceProvider(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        return ReferralToFhirMapper.task(referrals.get(new ReferralId(ReferralFhir.uuid(id.getIdPart(), null, "id"))));
    }

    @Search
    public List<Task> search(@OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
                             @OptionalParam(name = Task.SP_REQUESTER) ReferenceParam requester,
                             @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
                             @OptionalParam(name = Task.SP_STATUS) TokenParam status) {
        UUID to = owner == null ? null : ReferralFhir.uuid(owner.getValue(), "Organization", "owner");
        UUID from = requester == null ? null : ReferralFhir.uuid(requester.getValue(), "Organization", "requester");
        UUID resident = patient == null ? null : ReferralFhir.uuid(patient.getValue(), "Patient", "patient");
        ReferralStatus s = status == null ? null : ReferralFhir.status(status.getValue(), "status");
        return referrals.search(to, from, resident, s, 200).stream().map(ReferralToFhirMapper::task).toList();
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
        var referralId = new ReferralId(ReferralFhir.uuid(id.getIdPart(), null, "id"));
        ReferralView current = referrals.get(referralId);
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(current.version()))) {
            throw new ConflictException("common.staleVersion", "Task.meta.versionId");
        }
        if (!task.hasStatus()) {
            throw new InvalidInputException("Task.status", "field.required");
        }
        ReferralStatus wanted = ReferralFhir.status(task.getStatus().toCode(), "Task.status");
        ReferralView result = current;
        UUID owner = task.hasOwner() ? ReferralFhir.uuid(task.getOwner().getReference(), "Organization", "Task.owner") : null;
        if (wanted == ReferralStatus.SUBMITTED && owner != null && !owner.equals(current.toInstitutionId())
                && current.status() == ReferralStatus.SUBMITTED) {
            result = referrals.redirect(referralId, new RedirectReferral(owner, null,
                    task.hasStatusReason() ? task.getStatusReason().getText() : "redirected via FHIR"));
        } else if (wanted != current.status()) {
            result = switch (wanted) {
                case SUBMITTED -> referrals.submit(referralId);
                case ACCEPTED -> referrals.accept(referralId, accept(task));
                case REJECTED -> referrals.reject(referralId, reject(task));
                case ARRIVED -> referrals.arrive(referralId);
                case COMPLETED -> referrals.complete(referralId, new CompleteReferral(summary(task)));
                case CANCELLED -> referrals.cancel(referralId, task.hasStatusReason() ? task.getStatusReason().getText() : null);
                default -> throw new ConflictException("REFERRAL-0001", "Task.status", current.status().name(), wanted.name());
            };
        }
        var outcome = new MethodOutcome(new IdType("Task", result.id().toString(), Long.toString(result.version())));
        outcome.setResource(ReferralToFhirMapper.task(result));
        return outcome;
    }

    /** Task.input: a reference to the Slot, or the Schedule whose first free slot is booked. */
    private static AcceptReferral accept(Task task) {
        for (var input : task.getInput()) {
            if (input.getValue() instanceof Reference ref && ref.getReference() != null) {
                String kind = input.getType().getCodingFirstRep().getCode();
                BookingKind bookingKind = kind == null ? BookingKind.SLOT : ReferralFhir.parse(BookingKind.class, kind, "Task.input.type");
                if (ref.getReference().startsWith("Slot/")) {
                    return new AcceptReferral(bookingKind, ReferralFhir.uuid(ref.getReference(), "Slot", "Task.input.value"), null, null, null);
                }
                if (ref.getReference().startsWith("Schedule/")) {
                    return new AcceptReferral(bookingKind, null, ReferralFhir.uuid(ref.getReference(), "Schedule", "Task.input.value"), null, null);
                }
            }
        }
        throw new InvalidInputException("Task.input", "field.required");
    }

    private static RejectReferral reject(Task task) {
        if (!task.hasStatusReason()) {
            throw new InvalidInputException("Task.statusReason", "field.required");
        }
        var coding = task.getStatusReason().getCoding().stream()
                .filter(c -> ReferralFhir.CS_REJECTION.equals(c.getSystem())).findFirst()
                .orElseThrow(() -> new InvalidInputException("Task.statusReason", "field.required"));
        return new RejectReferral(ReferralFhir.parse(RejectionReason.class, coding.getCode(), "Task.statusReason"),
                task.getStatusReason().getText());
    }

    private static String summary(Task task) {
        return task.getOutput().stream().filter(o -> o.getValue() instanceof StringType)
                .map(o -> ((StringType) o.getValue()).getValue()).findFirst()
                .orElseThrow(() -> new InvalidInputException("Task.output", "field.required"));
    }
}
