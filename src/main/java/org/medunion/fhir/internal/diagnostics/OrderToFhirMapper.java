package org.medunion.fhir.internal.diagnostics;

import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ExamBooking;
import org.medunion.diagnostics.OrderRejection;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.fhir.internal.Systems;
import org.medunion.scheduling.Priority;
import org.medunion.scheduling.SlotPool;

/**
 * An order to a shared centre as ServiceRequest + Task with the id {@code <order>-order} (diagnostics.md (d), decision
 * 0230): the ServiceRequest is what was ordered — the catalogue item, the resident, the ordering institution, the
 * institution running the centre, urgency; the Task is the centre's work — owner the centre's institution, status as
 * the order moves, the turnaround deadline (SC-2) as {@code restriction.period.end}, overdue and critical-result
 * acknowledgement (SC-5) in {@code businessStatus}, the report as output once reported, a quality rejection (SC-3) as
 * {@code rejected} with a coded {@code statusReason} (the ServiceRequest is then revoked). Both carry the order's version
 * and last change (decision 0237); a lab or pathology order's ServiceRequest names its Specimen.
 */
final class OrderToFhirMapper {

    /** SNOMED CT: 108252007 Laboratory procedure, 363679005 Imaging (the ServiceRequest category example set). */
    private static final String SNOMED = "http://snomed.info/sct";
    /** The scheduling module's tags (docs/scheduling.md): the reserved pool a slot came from, the booking's priority. */
    private static final String SLOT_POOL = Systems.codeSystem("slot-pool");
    private static final String BOOKING_PRIORITY = Systems.codeSystem("booking-priority");

    private OrderToFhirMapper() {
    }

    static String id(OrderView o) {
        return o.id().value() + DiagnosticsFhir.ORDER_SUFFIX;
    }

    static ServiceRequest serviceRequest(OrderView o) {
        var sr = new ServiceRequest();
        sr.setId(new IdType("ServiceRequest", id(o), Long.toString(o.version())));
        sr.getMeta().setVersionId(Long.toString(o.version())).setLastUpdated(Date.from(o.updatedAt()));
        sr.addIdentifier(identifier(o));
        sr.setStatus(switch (o.status()) {
            case ORDERED, RECEIVED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case REPORTED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case CANCELLED, REJECTED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        });
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory(kind());
        switch (o.itemKind()) {
            case LAB -> sr.getCategoryFirstRep().addCoding(new Coding(SNOMED, "108252007", "Laboratory procedure"));
            case IMAGING -> sr.getCategoryFirstRep().addCoding(new Coding(SNOMED, "363679005", "Imaging"));
            default -> {
                // ECG and pathology: no code of the example set fits; the MedUnion coding says what it is
            }
        }
        sr.setPriority(o.urgent() ? ServiceRequest.ServiceRequestPriority.URGENT : ServiceRequest.ServiceRequestPriority.ROUTINE);
        sr.setCode(item(o));
        sr.setSubject(new Reference("Patient/" + o.residentId()));
        sr.setAuthoredOn(Date.from(o.orderedAt()));
        sr.setRequester(organization(o.orderingInstitutionId(), o.orderingInstitutionName()));
        sr.addPerformer(organization(o.centreInstitutionId(), o.centreName()));
        exam(sr, o.examBooking());
        if (OrderToSpecimenMapper.has(o)) {
            sr.addSpecimen(new Reference("Specimen/" + OrderToSpecimenMapper.id(o)));
        }
        return sr;
    }

    /**
     * SC-4, SC-6 (decision 0236): the exam slot the order holds — its period as {@code occurrencePeriod}, the booking as
     * the Appointment in {@code supportingInfo}, the reserved share and 优先检查 as the tags the Slot and the Appointment
     * carry. {@code priority} stays the clinical urgency. A released booking (the order cancelled or rejected) shows none.
     */
    private static void exam(ServiceRequest sr, @Nullable ExamBooking exam) {
        if (exam == null || !exam.active()) {
            return;
        }
        sr.setOccurrence(new Period().setStart(Date.from(exam.start())).setEnd(Date.from(exam.end())));
        sr.addSupportingInfo(new Reference("Appointment/" + exam.bookingId()).setDisplay(exam.department()));
        if (exam.reservedShare()) {
            sr.getMeta().addTag(SLOT_POOL, Systems.code(SlotPool.PRIMARY_CARE_RESERVED), null);
        }
        if (exam.priority()) {
            sr.getMeta().addTag(BOOKING_PRIORITY, Systems.code(Priority.PRIORITY_EXAM), null);
        }
    }

    static Task task(OrderView o) {
        var t = new Task();
        t.setId(new IdType("Task", id(o), Long.toString(o.version())));
        t.getMeta().setVersionId(Long.toString(o.version())).setLastUpdated(Date.from(o.updatedAt()));
        t.addIdentifier(identifier(o));
        t.setStatus(taskStatus(o.status()));
        var state = state(o);
        if (state != null) {
            t.setBusinessStatus(new CodeableConcept(new Coding(DiagnosticsFhir.CS_ORDER_STATE, Systems.code(state), null)));
        }
        if (o.rejection() != null) {
            t.setStatusReason(rejection(o.rejection()));
        }
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(o.urgent() ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE);
        t.setCode(kind());
        t.setDescription(o.itemName());
        t.setFocus(new Reference("ServiceRequest/" + id(o)));
        t.setFor(new Reference("Patient/" + o.residentId()));
        t.setAuthoredOn(Date.from(o.orderedAt()));
        t.setRequester(organization(o.orderingInstitutionId(), o.orderingInstitutionName()));
        t.setOwner(organization(o.centreInstitutionId(), o.centreName()));
        t.getRestriction().getPeriod().setStart(Date.from(o.orderedAt())).setEnd(Date.from(o.dueAt()));
        if (o.reportId() != null) {
            t.addOutput().setType(new CodeableConcept().setText("DiagnosticReport"))
                    .setValue(new Reference("DiagnosticReport/" + o.reportId()));
        }
        return t;
    }

    static Task.TaskStatus taskStatus(OrderStatus s) {
        return switch (s) {
            case ORDERED -> Task.TaskStatus.REQUESTED;
            case RECEIVED -> Task.TaskStatus.RECEIVED;
            case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
            case REPORTED -> Task.TaskStatus.COMPLETED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
            case REJECTED -> Task.TaskStatus.REJECTED;
        };
    }

    /** The order states a Task.status code stands for (none for a valid Task status no order has). */
    static Set<OrderStatus> statuses(String taskStatus) {
        var out = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (taskStatus(s).toCode().equals(taskStatus)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The most pressing thing Task.status does not say: a critical result first, then the turnaround clock. */
    private static @Nullable CentreOrderState state(OrderView o) {
        if (o.critical()) {
            if (o.criticalAcknowledgedAt() != null) {
                return CentreOrderState.CRITICAL_ACKNOWLEDGED;
            }
            return o.criticalEscalated() ? CentreOrderState.CRITICAL_ESCALATED : CentreOrderState.CRITICAL_UNACKNOWLEDGED;
        }
        if (o.status().open() && o.escalated()) {
            return CentreOrderState.ESCALATED;
        }
        return o.overdue() ? CentreOrderState.OVERDUE : null;
    }

    /** SC-3: the coded reason the centre rejected the order for quality, the free text as CodeableConcept.text. */
    private static CodeableConcept rejection(OrderRejection r) {
        var c = new CodeableConcept(new Coding(DiagnosticsFhir.CS_ORDER_REJECTION, r.reason().code(), null));
        if (r.text() != null) {
            c.setText(r.text());
        }
        return c;
    }

    private static CodeableConcept kind() {
        return new CodeableConcept(new Coding(DiagnosticsFhir.CS_CENTRE_ORDER, Systems.code(CentreOrderCode.CENTRE_ORDER), null));
    }

    private static CodeableConcept item(OrderView o) {
        var c = new CodeableConcept().setText(o.itemName());
        c.addCoding().setSystem(ReportToDiagnosticReportMapper.ITEM_SYSTEM).setCode(o.itemCode()).setDisplay(o.itemName());
        return c;
    }

    private static Identifier identifier(OrderView o) {
        return new Identifier().setSystem(DiagnosticsFhir.ID_ORDER).setValue(o.id().value().toString());
    }

    private static Reference organization(Object id, String name) {
        var r = new Reference("Organization/" + id);
        if (name != null && !name.isBlank()) {
            r.setDisplay(name);
        }
        return r;
    }
}
