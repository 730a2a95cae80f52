package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.fhir.internal.diagnostics.CentreOrders;
import org.medunion.fhir.internal.pharmacy.PrescriptionReviewTasks;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.BookingKind;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
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
 * A changed {@code owner} on a requested Task redirects the referral. A consultation's Task (same id as its
 * ServiceRequest) is accepted or declined the same way ({@link ConsultationTasks}). A prescription's pharmacist review
 * is the Task {@code <prescription>-review}, searched with {@code code=pharmacist-review} ({@link PrescriptionReviewTasks}); an
 * order to a shared centre the Task {@code <order>-order}, searched with {@code code=centre-order} ({@link CentreOrders}).
 */
@Component
public class TaskResourceProvider implements IResourceProvider {

    private final Workflows workflows;
    private final ReferralManagement referrals;
    private final ConsultationTasks consultationTasks;
    private final PrescriptionReviewTasks reviews;
    private final CentreOrders centreOrders;

    TaskResourceProvider(Workflows workflows, ConsultationTasks consultationTasks, PrescriptionReviewTasks reviews,
                         CentreOrders centreOrders) {
        this.workflows = workflows;
        this.referrals = workflows.referrals();
        this.consultationTasks = consultationTasks;
        this.reviews = reviews;
        this.centreOrders = centreOrders;
    }

    /** The referral service's field names → the Task elements a client sets (OperationOutcome.expression). */
    private static final Map<String, String> PATHS = Map.of(
            "bookingKind", "Task.input.type", "resourceId", "Task.input", "scheduleId", "Task.input",
            "teamId", "Task.input", "practitionerId", "Task.input", "plannedStart", "Task.input",
            "toInstitutionId", "Task.owner", "reason", "Task.statusReason", "summary", "Task.output",
            "status", "Task.status");

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read(version = true)
    public Task read(@IdParam IdType id) {
        if (PrescriptionReviewTasks.isReview(id)) {
            return reviews.read(id);
        }
        if (CentreOrders.isOrder(id)) {
            return centreOrders.task(id);
        }
        return workflows.read(id, ReferralToFhirMapper::task, ConsultationToFhirMapper::task);
    }

    @Search
    @SuppressWarnings("checkstyle:ParameterNumber") // one per declared search parameter
    public IBundleProvider search(@OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
                                  @OptionalParam(name = Task.SP_REQUESTER) ReferenceParam requester,
                                  @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Task.SP_STATUS) TokenParam status,
                                  @OptionalParam(name = Task.SP_CODE) TokenParam code,
                                  @OptionalParam(name = Task.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        UUID to = owner == null ? null : ReferralFhir.uuid(owner.getValue(), "Organization", "owner");
        UUID from = requester == null ? null : ReferralFhir.uuid(requester.getValue(), "Organization", "requester");
        UUID resident = patient == null ? null : ReferralFhir.uuid(patient.getValue(), "Patient", "patient");
        if (PrescriptionReviewTasks.isReview(code)) {
            return reviews.search(to, resident, status, lastUpdated, Workflows.page(count, offset));
        }
        if (CentreOrders.isOrder(code)) {
            return centreOrders.tasks(owner, requester, patient, status, identifier, lastUpdated, Workflows.page(count, offset));
        }
        return workflows.search(new Workflows.Criteria(Workflows.kind(code, identifier),
                identifier == null ? null : identifier.getValue(), to, from, resident,
                status == null ? null : status.getValue(), lastUpdated), Workflows.page(count, offset),
                ReferralToFhirMapper::task, ConsultationToFhirMapper::task);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
        if (PrescriptionReviewTasks.isReview(id)) {
            return reviews.update(id, task);
        }
        if (CentreOrders.isOrder(id)) {
            return centreOrders.update(id, task);
        }
        UUID uuid = ReferralFhir.uuid(id.getIdPart(), null, "id");
        if (workflows.find(uuid) instanceof ConsultationView consultation) {
            return consultationTasks.update(id, consultation, task);
        }
        var referralId = new ReferralId(uuid);
        ReferralView current = referrals.get(referralId);
        Workflows.checkUpdate(id, current.version(), task);
        try {
            return act(referralId, current, task);
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Task", PATHS);
        }
    }

    private MethodOutcome act(ReferralId referralId, ReferralView current, Task task) {
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
                case ACCEPTED -> referrals.accept(referralId, accept(task, current));
                case REJECTED -> referrals.reject(referralId, reject(task));
                case ARRIVED -> referrals.arrive(referralId);
                case COMPLETED -> referrals.complete(referralId, new CompleteReferral(summary(task)));
                case CANCELLED -> referrals.cancel(referralId, task.hasStatusReason() ? task.getStatusReason().getText() : null);
                default ->
                    throw new ConflictException(ReferralError.ILLEGAL_TRANSITION, "Task.status", current.status().name(), wanted.name());
            };
        }
        var outcome = new MethodOutcome(new IdType("Task", result.id().toString(), Long.toString(result.version())));
        outcome.setResource(ReferralToFhirMapper.task(result));
        return outcome;
    }

    /**
     * Task.input on acceptance: a reference to the Slot, or the Schedule whose first free slot is booked (type: a
     * booking-kind code, slot if absent for upward referrals); for downward home-based care a CareTeam and/or
     * Practitioner reference and a planned-start date instead (docs/fhir.md "Referral").
     */
    private static AcceptReferral accept(Task task, ReferralView current) {
        BookingKind kind = null;
        UUID slot = null;
        UUID schedule = null;
        UUID team = null;
        UUID practitioner = null;
        LocalDate start = null;
        for (var input : task.getInput()) {
            if (input.getValue() instanceof Reference ref && ref.getReference() != null) {
                String r = ref.getReference();
                if (r.startsWith("Slot/") || r.startsWith("Schedule/")) {
                    kind = bookingKind(input);
                    if (r.startsWith("Slot/")) {
                        slot = ReferralFhir.uuid(r, "Slot", "Task.input.value");
                    } else {
                        schedule = ReferralFhir.uuid(r, "Schedule", "Task.input.value");
                    }
                } else if (r.startsWith("CareTeam/")) {
                    team = ReferralFhir.uuid(r, "CareTeam", "Task.input.value");
                } else if (r.startsWith("Practitioner/")) {
                    practitioner = ReferralFhir.uuid(r, "Practitioner", "Task.input.value");
                }
            } else if (input.getValue() instanceof DateType date && date.getValue() != null) {
                start = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
            }
        }
        if (slot == null && schedule == null && team == null && practitioner == null && start == null) {
            throw new InvalidInputException("Task.input", "field.required");
        }
        if ((slot != null || schedule != null) && kind == null && current.direction() != ReferralDirection.DOWN) {
            kind = BookingKind.SLOT;
        }
        return new AcceptReferral(kind, slot, schedule, null, null, team, practitioner, start);
    }

    /** The booking kind coded in the input type (any coding outside referral-task-parameter), or null. */
    private static @Nullable BookingKind bookingKind(Task.ParameterComponent input) {
        return input.getType().getCoding().stream()
                .filter(c -> c.getCode() != null && !ReferralFhir.CS_TASK_PARAMETER.equals(c.getSystem())).findFirst()
                .map(c -> ReferralFhir.parse(BookingKind.class, c.getCode(), "Task.input.type")).orElse(null);
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
