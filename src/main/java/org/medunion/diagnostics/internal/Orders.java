package org.medunion.diagnostics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.EscalationRun;
import org.medunion.diagnostics.ExamBooking;
import org.medunion.diagnostics.ExamSlotOffer;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderPage;
import org.medunion.diagnostics.OrderRejection;
import org.medunion.diagnostics.OrderSearch;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.QualityRejection;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.ReportView;
import org.medunion.diagnostics.SpecimenType;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Orders to a shared centre (SC-2, SC-5): a member's clinician orders, the centre's staff receive, start and report;
 * the turnaround clock starts at ordering (centre target, else SC-2's default), a critical result starts the
 * acknowledgement clock (SC-5). Visible to the ordering institution, the centre's institution, the consortium's
 * office and administrators; any other caller gets 404.
 */
@Component
class Orders {

    static final String OBJECT = "DiagnosticOrder";

    /** The longest free text of a quality rejection (the column's width). */
    private static final int MAX_REASON_TEXT = 500;

    private final OrderStore store;
    private final CentreStore centreStore;
    private final ReferenceData reference;
    private final Results results;
    private final DiagnosticsAccess access;
    private final DiagnosticsSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExamSlots exams;

    @SuppressWarnings("checkstyle:ParameterNumber") // the stores, reference data, results, access, settings, audit, clock, slots
    Orders(OrderStore store, CentreStore centreStore, ReferenceData reference, Results results, DiagnosticsAccess access,
           DiagnosticsSettings settings, AuditTrail audit, Clock clock, ExamSlots exams) {
        this.store = store;
        this.centreStore = centreStore;
        this.reference = reference;
        this.results = results;
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.exams = exams;
    }

    OrderView place(PlaceOrder c) {
        return place(c, clock.instant());
    }

    /** Places the order at {@code now} (the backfill passes the instant it happened). */
    OrderView place(PlaceOrder c, Instant now) {
        CurrentUser user = access.caller();
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (own == null || !DiagnosticsAccess.clinician(user)) {
            throw DiagnosticsAccess.forbidden("placeOrder");
        }
        CentreView centre = servedCentre(c.centreId(), own);
        UUID resident = Required.of(c.residentId(), "residentId");
        access.requireResident(resident, "residentId");
        ItemView item = reference.item(c.itemCode(), "itemCode");
        // SC-4, SC-6: the exam slot is booked in this transaction; a refused booking leaves no order, a refused order no booking
        ExamBooking exam = c.examSlot() == null ? null : exams.book(centre, item.kind(), resident, c.examSlot(), user);
        String division = access.institution(centre.institutionId(), "centreId").districtCode();
        Integer hours = centre.turnaroundHours().get(item.kind());
        int tat = hours != null ? hours : settings.turnaroundHours(item.kind(), division);
        var row = new OrderStore.Row(new OrderId(UUID.randomUUID()), resident, item.code(), centre.id(), own, user.username(),
                OrderStatus.ORDERED, Boolean.TRUE.equals(c.urgent()), now, now.plus(Duration.ofHours(tat)), null, null, null, false,
                null, null, null, null, false, 1, now);
        store.insert(row);
        if (exam != null) {
            exams.record(row.id().value(), exam);
        }
        audit.record(AuditAction.CREATE, OBJECT, row.id().value().toString(), resident.toString(), item.code() + " → " + centre.name()
                + (exam == null ? "" : " exam " + exam.start()));
        return view(row);
    }

    /** The centre named by an order: one serving the caller's institution or run by it (400 naming centreId otherwise). */
    private CentreView servedCentre(@Nullable UUID id, UUID own) {
        UUID centreId = Required.of(id, "centreId");
        CentreView centre = centreStore.centre(centreId).map(r -> reference.centre(r.id().value()))
                .orElseThrow(() -> new InvalidInputException("centreId", DiagnosticsError.NOT_SERVED, centreId));
        if (!centre.members().contains(own) && !centre.institutionId().equals(own)) {
            throw new InvalidInputException("centreId", DiagnosticsError.NOT_SERVED, centreId);
        }
        return centre;
    }

    /** The exam slots an imaging order at the centre may book for the resident, as the caller would book them (SC-4, SC-6). */
    ExamSlotOffer examSlots(@Nullable UUID centreId, @Nullable UUID residentId, @Nullable String itemCode) {
        CurrentUser user = access.caller();
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (own == null || !DiagnosticsAccess.clinician(user)) {
            throw DiagnosticsAccess.forbidden("examSlots");
        }
        CentreView centre = servedCentre(centreId, own);
        UUID resident = Required.of(residentId, "residentId");
        access.requireResident(resident, "residentId");
        ItemView item = reference.item(itemCode, "itemCode");
        if (!ExamSlots.needsSlot(item.kind())) {
            throw new InvalidInputException("itemCode", DiagnosticsError.EXAM_SLOT_NOT_FOR_ITEM, item.kind().name());
        }
        return exams.offer(centre, resident, user);
    }

    OrderView receive(OrderId id) {
        return receive(id, clock.instant());
    }

    OrderView receive(OrderId id, Instant now) {
        var r = forCentre(id, "receive");
        return change(new OrderStore.Row(r.id(), r.residentId(), r.itemCode(), r.centreId(), r.orderingInstitutionId(), r.orderedBy(),
                OrderWorkflow.next(r.status(), OrderWorkflow.Step.RECEIVE), r.urgent(), r.orderedAt(), r.dueAt(), now,
                null, null, r.escalated(), null, null, null, null, false, r.version(), now), "received");
    }

    OrderView start(OrderId id) {
        return start(id, clock.instant());
    }

    OrderView start(OrderId id, Instant now) {
        var r = forCentre(id, "start");
        return change(new OrderStore.Row(r.id(), r.residentId(), r.itemCode(), r.centreId(), r.orderingInstitutionId(), r.orderedBy(),
                OrderWorkflow.next(r.status(), OrderWorkflow.Step.START), r.urgent(), r.orderedAt(), r.dueAt(), r.receivedAt(),
                now, null, r.escalated(), null, null, null, null, false, r.version(), now), "started");
    }

    OrderView report(OrderId id, RecordReport body) {
        return report(id, body, clock.instant());
    }

    OrderView report(OrderId id, RecordReport body, Instant now) {
        var r = forCentre(id, "report");
        OrderStatus next = OrderWorkflow.next(r.status(), OrderWorkflow.Step.REPORT);
        CentreView centre = reference.centre(r.centreId().value());
        ItemView item = reference.find(r.itemCode()).orElseThrow();
        ReportView report = results.save(body, r.residentId(), item, centre.institutionId(), r.id().value(), access.caller());
        Instant ackDue = report.critical()
                ? now.plus(Duration.ofMinutes(settings.acknowledgeMinutes(access.institution(r.orderingInstitutionId(),
                        "orderingInstitutionId").districtCode())))
                : null;
        return change(new OrderStore.Row(r.id(), r.residentId(), r.itemCode(), r.centreId(), r.orderingInstitutionId(), r.orderedBy(),
                next, r.urgent(), r.orderedAt(), r.dueAt(), r.receivedAt() == null ? now : r.receivedAt(), r.startedAt(), now,
                r.escalated(), report.id().value(), ackDue, null, null, false, r.version(), now), "reported");
    }

    OrderView cancel(OrderId id) {
        return cancel(id, clock.instant());
    }

    OrderView cancel(OrderId id, Instant now) {
        CurrentUser user = access.caller();
        var r = visible(id);
        UUID own = DiagnosticsAccess.institutionOf(user);
        boolean orderer = own != null && own.equals(r.orderingInstitutionId()) && DiagnosticsAccess.clinician(user);
        if (!orderer && !runsCentre(user, r) && !user.isAdmin()) {
            throw DiagnosticsAccess.forbidden("cancel");
        }
        exams.release(r.id().value(), user.username());
        return change(new OrderStore.Row(r.id(), r.residentId(), r.itemCode(), r.centreId(), r.orderingInstitutionId(), r.orderedBy(),
                OrderWorkflow.next(r.status(), OrderWorkflow.Step.CANCEL), r.urgent(), r.orderedAt(), r.dueAt(), r.receivedAt(),
                r.startedAt(), now, r.escalated(), null, null, null, null, false, r.version(), now), "cancelled");
    }

    OrderView reject(OrderId id, RejectOrder body) {
        return reject(id, body, clock.instant());
    }

    /**
     * The centre sends the order back because the specimen or images are unusable (SC-3, TM-8): only once received and
     * before reporting (409 otherwise), with a coded reason, a text for OTHER (400 naming the field).
     */
    OrderView reject(OrderId id, RejectOrder body, Instant now) {
        var r = forCentre(id, "reject");
        OrderWorkflow.next(r.status(), OrderWorkflow.Step.REJECT);
        String code = Required.of(body.reason(), "reason");
        QualityRejection reason = QualityRejection.parse(code)
                .orElseThrow(() -> new InvalidInputException("reason", DiagnosticsError.UNKNOWN_REJECTION, code));
        String text = body.reasonText() == null || body.reasonText().isBlank() ? null : body.reasonText().strip();
        if (reason.needsText() && text == null) {
            throw new InvalidInputException("reasonText", DiagnosticsError.REASON_TEXT_REQUIRED, reason.name());
        }
        if (text != null && text.length() > MAX_REASON_TEXT) {
            throw new InvalidInputException("reasonText", DiagnosticsError.TEXT_TOO_LONG, MAX_REASON_TEXT);
        }
        exams.release(r.id().value(), access.caller().username());
        var saved = store.reject(r, new OrderRejection(reason, text, access.caller().username(), now));
        audit.record(AuditAction.UPDATE, OBJECT, saved.id().value().toString(), saved.residentId().toString(),
                "rejected " + reason.name());
        return view(saved);
    }

    OrderView acknowledge(OrderId id) {
        return acknowledge(id, clock.instant());
    }

    OrderView acknowledge(OrderId id, Instant now) {
        CurrentUser user = access.caller();
        var r = visible(id);
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (own == null || !own.equals(r.orderingInstitutionId()) || !DiagnosticsAccess.clinician(user)) {
            throw DiagnosticsAccess.forbidden("acknowledgeCritical");
        }
        if (r.criticalDueAt() == null || r.criticalAcknowledgedAt() != null) {
            throw new ConflictException(DiagnosticsError.NOT_CRITICAL, "id", r.status());
        }
        return change(new OrderStore.Row(r.id(), r.residentId(), r.itemCode(), r.centreId(), r.orderingInstitutionId(), r.orderedBy(),
                r.status(), r.urgent(), r.orderedAt(), r.dueAt(), r.receivedAt(), r.startedAt(), r.finishedAt(), r.escalated(),
                r.reportId(), r.criticalDueAt(), now, user.username(), r.criticalEscalated(), r.version(), now),
                "critical acknowledged");
    }

    OrderView get(OrderId id) {
        var r = visible(id);
        audit.record(AuditAction.READ, OBJECT, id.value().toString(), r.residentId().toString(), null);
        return view(r);
    }

    List<OrderView> list(@Nullable OrderStatus status, int limit) {
        return list(status == null ? OrderStore.Which.ALL : OrderStore.Which.of(status), limit);
    }

    /** The caller's orders still to do (ordered, received, in progress), earliest due first. */
    List<OrderView> open(int limit) {
        return list(OrderStore.Which.OPEN, limit);
    }

    /** Reported critical results nobody has acknowledged yet, earliest due first. */
    List<OrderView> unacknowledgedCritical(int limit) {
        return list(OrderStore.Which.CRITICAL_UNACKNOWLEDGED, limit);
    }

    /**
     * A page of the caller's orders (the scope of {@link #list}) narrowed by resident, centre institution, ordering
     * institution and status; counted and cut in SQL, each order returned audited.
     */
    OrderPage search(OrderSearch s) {
        var scope = scope(access.caller());
        if (scope == null) {
            return new OrderPage(List.of(), 0);
        }
        List<UUID> ofCentre = s.centreInstitutionId() == null ? null : centreStore.runBy(s.centreInstitutionId());
        var filter = new OrderStore.Filter(s.residentId(), ofCentre, s.orderingInstitutionId(), s.statuses(),
                s.orderId() == null ? null : s.orderId().value(), s.kinds(), s.changed());
        long total = store.count(scope.ordering(), scope.centres(), filter);
        List<OrderStore.Row> rows = total == 0 ? List.of()
                : store.page(scope.ordering(), scope.centres(), filter, s.count(), s.offset());
        rows.forEach(r -> audit.record(AuditAction.READ, OBJECT, r.id().value().toString(), r.residentId().toString(), "search"));
        return new OrderPage(rows.stream().map(this::view).toList(), total);
    }

    private List<OrderView> list(OrderStore.Which which, int limit) {
        var scope = scope(access.caller());
        List<OrderStore.Row> rows = scope == null ? List.of() : store.select(scope.ordering(), scope.centres(), which, limit);
        rows.forEach(r -> audit.record(AuditAction.READ, OBJECT, r.id().value().toString(), r.residentId().toString(), "list"));
        return rows.stream().map(this::view).toList();
    }

    /** The orders a caller sees: sent by {@code ordering} or addressed to {@code centres} (null and null: all). */
    private record Scope(@Nullable List<UUID> ordering, @Nullable List<UUID> centres) {
    }

    /** Administrators all; an institution its sent orders and its centres' work; an office its consortium's centres. */
    private @Nullable Scope scope(CurrentUser user) {
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (user.isAdmin()) {
            return new Scope(null, null);
        }
        if (own != null) {
            return new Scope(List.of(own), centreStore.runBy(own));
        }
        if (user.role() == Role.OFFICE && user.scope().referenceId() != null) {
            return new Scope(List.of(), centreStore.centres(user.scope().referenceId()).stream().map(c -> c.id().value()).toList());
        }
        return null;
    }

    EscalationRun escalate(Instant now) {
        return new EscalationRun(store.escalateOverdue(now), store.escalateUnacknowledged(now));
    }

    private OrderStore.Row forCentre(OrderId id, String what) {
        CurrentUser user = access.caller();
        var r = visible(id);
        if (!runsCentre(user, r) && !user.isAdmin()) {
            throw DiagnosticsAccess.forbidden(what);
        }
        return r;
    }

    private boolean runsCentre(CurrentUser user, OrderStore.Row r) {
        UUID own = DiagnosticsAccess.institutionOf(user);
        return own != null && (user.role() == Role.CENTRE_STAFF || user.role() == Role.SPECIALIST)
                && centreStore.runBy(own).contains(r.centreId().value());
    }

    /** The order if the caller may see it, else 404 (the same as for an unknown ID). */
    private OrderStore.Row visible(OrderId id) {
        CurrentUser user = access.caller();
        var r = store.order(id.value()).orElseThrow(() -> new NotFoundException("order", id.value()));
        UUID own = DiagnosticsAccess.institutionOf(user);
        boolean sees = user.isAdmin() || own != null && (own.equals(r.orderingInstitutionId()) || centreStore.runBy(own)
                .contains(r.centreId().value()))
                || user.role() == Role.OFFICE && centreStore.centre(r.centreId().value())
                        .filter(c -> access.officeOf(user, c.consortiumId())).isPresent();
        if (!sees) {
            throw new NotFoundException("order", id.value());
        }
        return r;
    }

    private OrderView change(OrderStore.Row changed, String what) {
        var saved = store.update(changed);
        audit.record(AuditAction.UPDATE, OBJECT, saved.id().value().toString(), saved.residentId().toString(), what);
        return view(saved);
    }

    OrderView view(OrderStore.Row r) {
        CentreView centre = reference.centre(r.centreId().value());
        var found = reference.find(r.itemCode());
        String item = found.map(ItemView::name).orElse(r.itemCode());
        ItemKind kind = found.map(ItemView::kind).orElse(ItemKind.LAB);
        SpecimenType specimen = found.map(ItemView::specimenType).orElse(null);
        Set<UUID> ids = new HashSet<>(List.of(r.orderingInstitutionId()));
        String ordering = results.names(ids).getOrDefault(r.orderingInstitutionId(), "");
        boolean overdue = r.status().open() && r.dueAt().isBefore(clock.instant());
        return new OrderView(r.id(), r.residentId(), r.itemCode(), item, kind, r.centreId(), centre.name(), centre.institutionId(),
                r.orderingInstitutionId(), ordering,
                r.orderedBy(), r.status(), r.urgent(), r.orderedAt(), r.dueAt(), overdue, r.escalated(), r.reportId(),
                r.criticalDueAt() != null, r.criticalDueAt(), r.criticalAcknowledgedAt(), r.criticalEscalated(), r.version(),
                r.status() == OrderStatus.REJECTED ? store.rejection(r.id().value()).orElse(null) : null,
                ExamSlots.needsSlot(kind) ? exams.of(r.id().value()).orElse(null) : null, r.receivedAt(), specimen, r.updatedAt());
    }
}
