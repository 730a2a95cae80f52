package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderSearch;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Systems;
import org.medunion.fhir.internal.Versions;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Orders to a shared centre behind the shared ServiceRequest and Task providers (decision 0230, like the pharmacist's
 * review Task): ids {@code <order>-order}; searches with {@code category} / {@code code} {@code centre-order}, narrowed by
 * {@code _lastUpdated} in SQL (decision 0237). Scope and
 * audit are the diagnostics module's, the same as the REST orders: the ordering institution, the institution running
 * the centre, the consortium's office, administrators. A centre's system moves the Task with {@code PUT} — received,
 * in-progress, cancelled — through the same {@link DiagnosticsManagement} steps as REST, version-checked with If-Match.
 */
@Component
public class CentreOrders {

    private final DiagnosticsManagement diagnostics;

    CentreOrders(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether a ServiceRequest or Task id names an order to a centre ({@code <uuid>-order}). */
    public static boolean isOrder(IdType id) {
        return DiagnosticsFhir.order(id.getIdPart()) != null;
    }

    /** Whether a {@code category} (ServiceRequest) or {@code code} (Task) asks for orders ({@code centre-order}). */
    public static boolean isOrder(@Nullable TokenParam code) {
        return code != null && Systems.code(CentreOrderCode.CENTRE_ORDER).equals(code.getValue())
                && (code.getSystem() == null || code.getSystem().isBlank() || DiagnosticsFhir.CS_CENTRE_ORDER.equals(code.getSystem()));
    }

    public ServiceRequest serviceRequest(IdType id) {
        var order = order(id);
        Versions.requireCurrent(id, order.version());
        return OrderToFhirMapper.serviceRequest(order);
    }

    public Task task(IdType id) {
        var order = order(id);
        Versions.requireCurrent(id, order.version());
        return OrderToFhirMapper.task(order);
    }

    /**
     * The ServiceRequest search: {@code patient}, {@code requester} (ordering), {@code performer} (centre institution),
     * {@code _lastUpdated} (the order's last change, filtered in SQL).
     */
    public IBundleProvider serviceRequests(@Nullable ReferenceParam patient, @Nullable ReferenceParam requester,
                                           @Nullable ReferenceParam performer, @Nullable TokenParam identifier,
                                           @Nullable DateRangeParam lastUpdated, Pages.Request page) {
        unsupported(identifier);
        return search(patient, DiagnosticsFhir.organization(performer, "performer"), requester, EnumSet.noneOf(OrderStatus.class),
                lastUpdated, page, OrderToFhirMapper::serviceRequest);
    }

    /** The Task search: the centre's work list is {@code owner=Organization/<id>&status=requested}. */
    public IBundleProvider tasks(@Nullable ReferenceParam owner, @Nullable ReferenceParam requester, @Nullable ReferenceParam patient,
                                 @Nullable TokenParam status, @Nullable TokenParam identifier, @Nullable DateRangeParam lastUpdated,
                                 Pages.Request page) {
        unsupported(identifier);
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status != null) {
            String code = status.getValue() == null ? "" : status.getValue();
            try {
                Task.TaskStatus.fromCode(code);
            } catch (FHIRException e) {
                throw new InvalidInputException("status", "request.unknownValue", code,
                        "requested, received, in-progress, completed, cancelled, rejected");
            }
            statuses = OrderToFhirMapper.statuses(code);
            if (statuses.isEmpty()) {
                return Pages.of(page, List.of(), 0);
            }
        }
        return search(patient, DiagnosticsFhir.organization(owner, "owner"), requester, statuses, lastUpdated, page,
                OrderToFhirMapper::task);
    }

    /**
     * The centre's step: {@code received} or {@code in-progress} by its staff, {@code rejected} for quality with a coded
     * statusReason (SC-3), {@code cancelled} by either side; the
     * report itself is recorded in MedUnion or over REST (it carries the observations). The same status changes nothing.
     */
    public MethodOutcome update(IdType id, Task task) {
        var current = order(id);
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(current.version()))) {
            throw new ConflictException("common.staleVersion", "Task.meta.versionId");
        }
        if (!task.hasStatus()) {
            throw new InvalidInputException("Task.status", "field.required");
        }
        OrderView result = current;
        if (task.getStatus() != OrderToFhirMapper.taskStatus(current.status())) {
            result = switch (task.getStatus()) {
                case RECEIVED -> diagnostics.receive(current.id());
                case INPROGRESS -> diagnostics.start(current.id());
                case CANCELLED -> diagnostics.cancel(current.id());
                case REJECTED -> diagnostics.reject(current.id(), rejection(task));
                default -> throw new InvalidInputException("Task.status", "request.unknownValue", task.getStatus().toCode(),
                        "received, in-progress, cancelled, rejected");
            };
        }
        var outcome = new MethodOutcome(new IdType("Task", OrderToFhirMapper.id(result), Long.toString(result.version())));
        outcome.setResource(OrderToFhirMapper.task(result));
        return outcome;
    }

    /** SC-3 over FHIR: the reason is the statusReason's code of centre-order-rejection (400 naming it when missing). */
    private static RejectOrder rejection(Task task) {
        var reason = task.getStatusReason();
        String code = reason.getCoding().stream()
                .filter(c -> c.getSystem() == null || DiagnosticsFhir.CS_ORDER_REJECTION.equals(c.getSystem()))
                .map(Coding::getCode).filter(c -> c != null && !c.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidInputException("Task.statusReason", "field.required"));
        return new RejectOrder(code, reason.hasText() ? reason.getText() : null);
    }

    private <R extends Resource> IBundleProvider search(@Nullable ReferenceParam patient, @Nullable UUID centre,
                                                        @Nullable ReferenceParam ordering, Set<OrderStatus> statuses,
                                                        @Nullable DateRangeParam lastUpdated, Pages.Request page,
                                                        Function<OrderView, R> mapper) {
        UUID resident = patient == null ? null : DiagnosticsFhir.patient(patient);
        var found = diagnostics.searchOrders(new OrderSearch(resident, centre, DiagnosticsFhir.organization(ordering, "requester"),
                statuses, page.count(), page.first(), null, EnumSet.noneOf(ItemKind.class), LastUpdated.window(lastUpdated)));
        return Pages.of(page, found.items().stream().map(mapper).toList(), found.total());
    }

    /** {@code identifier} is not served for orders: a 400 naming it, never silently ignored. */
    private static void unsupported(@Nullable TokenParam identifier) {
        if (identifier != null) {
            throw new InvalidInputException("identifier", "fhir.unsupportedParameter");
        }
    }

    private OrderView order(IdType id) {
        UUID uuid = DiagnosticsFhir.order(id.getIdPart());
        if (uuid == null) {
            throw new ResourceNotFoundException(id);
        }
        try {
            return diagnostics.order(new OrderId(uuid));
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }
}
