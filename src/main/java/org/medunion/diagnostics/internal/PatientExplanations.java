package org.medunion.diagnostics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.ExplanationMedium;
import org.medunion.diagnostics.ExplanationView;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.identity.CurrentUser;
import org.medunion.residents.CareRelationship;
import org.medunion.shared.ConflictException;
import org.medunion.shared.Inputs;
import org.medunion.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The patient explanation of NAT-R-8: when a clinician re-examines although an earlier result was offered, the
 * patient is told the purpose and necessity of the repeat test. The text is prepared in Chinese (the patient's
 * language, whatever the clinician's console language) from the item, the reason's patient wording and its purpose,
 * plus the clinician's own words for 07 and 08. Personal data: read with a care relationship, audited.
 */
@Component
class PatientExplanations {

    static final String OBJECT = "PatientExplanation";
    /** The language the patient reads. */
    static final Locale PATIENT = Locale.SIMPLIFIED_CHINESE;

    private final ExplanationStore store;
    private final DiagnosticsAccess access;
    private final CatalogueStore catalogue;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    PatientExplanations(ExplanationStore store, DiagnosticsAccess access, CatalogueStore catalogue, MessageSource messages,
                        AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.catalogue = catalogue;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Prepares the explanation of a re-examination that passed over an offered result (in the decision's transaction),
     * at the time of the decision.
     */
    void prepare(DecisionView decision, ItemView item, ReexaminationReason reason) {
        String code = reason.code();
        String text = text("diagnostics.explanation.text", item.name(), text("diagnostics.explanation.reason." + code),
                text("diagnostics.explanation.purpose." + code));
        if ((reason == ReexaminationReason.PHYSICIAN_JUDGES || reason == ReexaminationReason.OTHER) && decision.reasonText() != null) {
            text = text + text("diagnostics.explanation.note", decision.reasonText());
        }
        store.insert(new ExplanationStore.Row(decision.id(), decision.residentId(), item.code(), code, text,
                decision.orderingInstitutionId(), decision.decidedBy(), decision.decidedAt(), null, null, null));
        audit.record(AuditAction.CREATE, OBJECT, decision.id().toString(), decision.residentId().toString(), "prepared " + item.code()
                + " " + code);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, PATIENT);
    }

    ExplanationView get(UUID decision) {
        var found = visible(decision);
        audit.record(AuditAction.READ, OBJECT, decision.toString(), found.row().residentId().toString(), null, found.why().name());
        return view(found.row());
    }

    ExplanationView given(UUID decision, RecordExplanation c) {
        return given(decision, c, clock.instant());
    }

    /** Records the explanation as given at {@code at} (the backfill passes the instant it happened). */
    ExplanationView given(UUID decision, RecordExplanation c, Instant at) {
        var found = visible(decision);
        CurrentUser user = access.caller();
        var r = found.row();
        if (!DiagnosticsAccess.clinician(user) || !r.orderingInstitutionId().equals(DiagnosticsAccess.institutionOf(user))) {
            throw DiagnosticsAccess.forbidden("recordExplanation");
        }
        if (r.givenAt() != null) {
            throw new ConflictException(DiagnosticsError.EXPLANATION_ALREADY_GIVEN, "decisionId", r.givenAt());
        }
        ExplanationMedium medium = Inputs.enumValue(Required.of(c.medium(), "medium"), ExplanationMedium.class, "medium");
        if (!store.given(decision, at, user.username(), medium)) {
            throw new ConflictException(DiagnosticsError.EXPLANATION_ALREADY_GIVEN, "decisionId", at);
        }
        audit.record(AuditAction.UPDATE, OBJECT, decision.toString(), r.residentId().toString(), "given " + medium);
        return view(store.find(decision).orElseThrow());
    }

    List<ExplanationView> pending(int limit) {
        CurrentUser user = access.caller();
        if (!DiagnosticsAccess.clinician(user)) {
            return List.of();
        }
        var rows = store.pending(user.username(), limit).stream().filter(r -> access.relationship(r.residentId()).isPresent()).toList();
        rows.forEach(r -> audit.record(AuditAction.READ, OBJECT, r.decisionId().toString(), r.residentId().toString(), "to-do"));
        return rows.stream().map(this::view).toList();
    }

    List<ExplanationView> ofResident(@Nullable UUID resident) {
        UUID id = Required.of(resident, "residentId");
        var why = access.relationship(id);
        if (why.isEmpty()) {
            return List.of();
        }
        var rows = store.ofResident(id);
        audit.record(AuditAction.SEARCH, OBJECT, null, id.toString(), rows.size() + " explanations", why.get().name());
        return rows.stream().map(this::view).toList();
    }

    private record Visible(ExplanationStore.Row row, CareRelationship why) {
    }

    /** The explanation if the caller has a care relationship to its resident; 404 otherwise, as for an unknown one. */
    private Visible visible(UUID decision) {
        var row = store.find(decision).orElseThrow(() -> new NotFoundException("explanation", decision));
        var why = access.relationship(row.residentId()).orElseThrow(() -> new NotFoundException("explanation", decision));
        return new Visible(row, why);
    }

    private ExplanationView view(ExplanationStore.Row r) {
        String name = catalogue.item(r.itemCode()).map(ItemView::name).orElse(r.itemCode());
        return new ExplanationView(r.decisionId(), r.residentId(), r.itemCode(), name, r.reasonCode(), r.text(), r.orderingInstitutionId(),
                r.decidedBy(), r.preparedAt(), r.givenAt(), r.givenBy(), r.medium());
    }
}
