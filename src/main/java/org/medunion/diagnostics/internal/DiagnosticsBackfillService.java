package org.medunion.diagnostics.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.EscalationRun;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.shared.NotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DiagnosticsBackfill}: the activity classes' steps run with the named actor as the caller, in the role and
 * institution the step needs, so access checks, rules and audit are the ordinary ones; the empty security context is
 * restored after each step.
 */
@Service
@Transactional
class DiagnosticsBackfillService implements DiagnosticsBackfill {

    private final ReferenceData reference;
    private final Results results;
    private final RecognitionDesk recognition;
    private final Orders orders;
    private final OrderStore orderStore;
    private final CentreStore centres;
    private final SterilisationDesk sterilisation;
    private final SterilisationStore sterilisationStore;
    private final PatientExplanations explanations;
    private final ExplanationStore explanationStore;
    private final CurrentUsers users;

    DiagnosticsBackfillService(ReferenceData reference, Results results, RecognitionDesk recognition, Orders orders,
                               OrderStore orderStore, CentreStore centres, SterilisationDesk sterilisation,
                               SterilisationStore sterilisationStore, PatientExplanations explanations,
                               ExplanationStore explanationStore, CurrentUsers users) {
        this.explanations = explanations;
        this.explanationStore = explanationStore;
        this.reference = reference;
        this.results = results;
        this.recognition = recognition;
        this.orders = orders;
        this.orderStore = orderStore;
        this.centres = centres;
        this.sterilisation = sterilisation;
        this.sterilisationStore = sterilisationStore;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyCentre() {
        return !centres.centres(null).isEmpty();
    }

    @Override
    public void defineItem(DefineItem command, String actor) {
        administrator(actor, () -> reference.defineItem(command));
    }

    @Override
    public void publishList(PublishList command, String actor) {
        administrator(actor, () -> reference.publishList(command));
    }

    @Override
    public CentreId registerCentre(RegisterCentre command, String actor) {
        return administrator(actor, () -> reference.registerCentre(command)).id();
    }

    @Override
    public void recordQc(RecordQc command, String actor) {
        administrator(actor, () -> reference.recordQc(command));
    }

    @Override
    public ReportId recordReport(RecordReport command, UUID performerInstitutionId, String actor) {
        return acting(new CurrentUser(actor, actor, Role.CENTRE_STAFF, Scope.institution(performerInstitutionId)),
                () -> results.record(command)).id();
    }

    @Override
    public void decide(RecordDecision command, UUID orderingInstitutionId, String actor) {
        acting(clinician(actor, orderingInstitutionId), () -> recognition.decide(command));
    }

    @Override
    public UUID decide(RecordDecision command, UUID orderingInstitutionId, String actor, Instant at) {
        return acting(clinician(actor, orderingInstitutionId), () -> recognition.decide(command, at)).id();
    }

    @Override
    public boolean explain(UUID decision, RecordExplanation how, String actor, Instant at) {
        systemOnly();
        var owed = explanationStore.find(decision);
        if (owed.isEmpty()) {
            return false;
        }
        acting(clinician(actor, owed.get().orderingInstitutionId()), () -> explanations.given(decision, how, at));
        return true;
    }

    @Override
    public OrderId placeOrder(PlaceOrder command, UUID orderingInstitutionId, String actor, Instant at) {
        return acting(clinician(actor, orderingInstitutionId), () -> orders.place(command, at)).id();
    }

    @Override
    public OrderId reexamineAndOrder(RecordDecision decision, PlaceOrder order, UUID orderingInstitutionId, String actor,
                                     Instant at) {
        return acting(clinician(actor, orderingInstitutionId), () -> {
            var decided = recognition.decide(decision, at);
            var placed = orders.place(order, at);
            recognition.linkOrder(decided, placed.id().value());
            return placed.id();
        });
    }

    @Override
    public OrderStatus receive(OrderId id, String actor, Instant at) {
        return atCentre(id, actor, () -> orders.receive(id, at));
    }

    @Override
    public OrderStatus start(OrderId id, String actor, Instant at) {
        return atCentre(id, actor, () -> orders.start(id, at));
    }

    @Override
    public OrderStatus report(OrderId id, RecordReport report, String actor, Instant at) {
        return atCentre(id, actor, () -> orders.report(id, report, at));
    }

    @Override
    public OrderStatus cancel(OrderId id, String actor, Instant at) {
        return atCentre(id, actor, () -> orders.cancel(id, at));
    }

    @Override
    public OrderStatus reject(OrderId id, RejectOrder reason, String actor, Instant at) {
        return atCentre(id, actor, () -> orders.reject(id, reason, at));
    }

    @Override
    public OrderStatus acknowledgeCritical(OrderId id, String actor, Instant at) {
        systemOnly();
        var order = orderStore.order(id.value()).orElseThrow(() -> new NotFoundException("order", id.value()));
        return acting(clinician(actor, order.orderingInstitutionId()), () -> orders.acknowledge(id, at)).status();
    }

    @Override
    public EscalationRun escalate(Instant at) {
        systemOnly();
        return orders.escalate(at);
    }

    @Override
    public UUID definePackType(DefinePackType command, String actor) {
        return atSterilisation(Required.of(command.centreId(), "centreId"), actor, () -> sterilisation.definePackType(command)).id();
    }

    @Override
    public UUID recordBatch(CentreId centre, RecordBatch command, String actor) {
        return atSterilisation(centre.value(), actor, () -> sterilisation.recordBatch(centre, command)).id();
    }

    @Override
    public void recordIndicator(UUID batchId, RecordIndicator command, String actor) {
        atSterilisation(centreOfBatch(batchId), actor, () -> sterilisation.recordIndicator(batchId, command));
    }

    @Override
    public void issue(MovePacks command, String actor, Instant at) {
        UUID batch = Required.of(command.batchId(), "batchId");
        atSterilisation(centreOfBatch(batch), actor, () -> sterilisation.issue(command, at));
    }

    @Override
    public void returnPacks(MovePacks command, String actor, Instant at) {
        UUID batch = Required.of(command.batchId(), "batchId");
        atSterilisation(centreOfBatch(batch), actor, () -> sterilisation.returnPacks(command, at));
    }

    private UUID centreOfBatch(UUID batch) {
        return sterilisationStore.batch(batch).orElseThrow(() -> new NotFoundException("batch", batch)).centreId();
    }

    /** Runs a sterilisation step as a centre staff member of the institution running the centre. */
    private <T> T atSterilisation(UUID centreId, String actor, Supplier<T> step) {
        systemOnly();
        var centre = centres.centre(centreId).orElseThrow(() -> new NotFoundException("centre", centreId));
        return acting(new CurrentUser(actor, actor, Role.CENTRE_STAFF, Scope.institution(centre.institutionId())), step);
    }

    private <T> T administrator(String actor, Supplier<T> step) {
        return acting(new CurrentUser(actor, actor, Role.ADMIN, Scope.global()), step);
    }

    private static CurrentUser clinician(String actor, UUID institution) {
        return new CurrentUser(actor, actor, Role.GP, Scope.institution(institution));
    }

    /** Runs an order's step as a staff member of the institution running the order's centre. */
    private OrderStatus atCentre(OrderId id, String actor, Supplier<OrderView> step) {
        systemOnly();
        var order = orderStore.order(id.value()).orElseThrow(() -> new NotFoundException("order", id.value()));
        var centre = centres.centre(order.centreId().value()).orElseThrow(() -> new NotFoundException("centre", order.centreId()));
        return acting(new CurrentUser(actor, actor, Role.CENTRE_STAFF, Scope.institution(centre.institutionId())), step).status();
    }

    private <T> T acting(CurrentUser user, Supplier<T> step) {
        systemOnly();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        SecurityContextHolder.setContext(acting);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Only the system (no logged-in caller): the steps act for another account. */
    private void systemOnly() {
        if (users.current().isPresent()) {
            throw DiagnosticsAccess.forbidden("backfill");
        }
    }
}
