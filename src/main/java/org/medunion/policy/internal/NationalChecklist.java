package org.medunion.policy.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.policy.rules.Assessment;
import org.medunion.policy.rules.CriterionStatus;
import org.medunion.policy.rules.Divisions;
import org.medunion.policy.rules.NationalCriterion;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The national 15-criterion checklist of tight urban medical groups, with platform and manual evidence. */
@Component
class NationalChecklist {

    private static final int MAX_TEXT = 4000;

    private final RuleCatalogue catalogue;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final PolicyScope scope;
    private final PolicyMessages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;

    NationalChecklist(RuleCatalogue catalogue, SnapshotFactory snapshots, PolicyStore store, PolicyScope scope,
                      PolicyMessages messages, TransactionTemplate tx, Clock clock, AuditTrail audit) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.store = store;
        this.scope = scope;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    Checklist checklist(UUID consortiumId) {
        CurrentUser u = scope.readableBy();
        RegistrySnapshot s = snapshots.build();
        ConsortiumView c = s.consortium(new ConsortiumId(consortiumId));
        if (c == null || !scope.mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        List<PolicyStore.ManualEvidenceRow> manual = store.manualEvidence(consortiumId);
        List<Checklist.Item> items = new ArrayList<>();
        var parameters = store.parameters();
        for (NationalCriterion n : catalogue.nationalCriteria()) {
            Assessment a = n.assess(s, c, parameters);
            List<PolicyStore.ManualEvidenceRow> mine = manual.stream().filter(m -> m.criterion().equals(n.id())).toList();
            CriterionStatus st = a.status() == CriterionStatus.NO_DATA && !mine.isEmpty() ? CriterionStatus.MANUAL : a.status();
            items.add(new Checklist.Item(n, messages.title(n.id()), st, a.evidence(), mine));
        }
        return new Checklist(consortiumId, c.name(), NationalCriterion.tightGroup(c), items);
    }

    PolicyStore.ManualEvidenceRow recordManualEvidence(UUID consortiumId, String criterion, String text) {
        CurrentUser u = scope.caller();
        PolicyScope.requireRole(u, Role.OFFICE, Role.PLANNER, Role.ADMIN);
        if (criterion == null || catalogue.nationalCriteria().stream().noneMatch(n -> n.id().equals(criterion))) {
            throw new InvalidInputException("criterion", PolicyError.UNKNOWN_CRITERION, criterion);
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", PolicyError.REQUIRED);
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", PolicyError.TOO_LONG, MAX_TEXT);
        }
        ConsortiumView c = snapshots.consortium(new ConsortiumId(consortiumId))
                .orElseThrow(() -> new NotFoundException("Consortium", consortiumId));
        if (!scope.mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        var row = new PolicyStore.ManualEvidenceRow(UUID.randomUUID(), consortiumId, criterion, text.strip(), u.username(),
                clock.instant());
        tx.executeWithoutResult(st -> {
            store.insertManualEvidence(row);
            audit.record(AuditAction.CREATE, "PolicyManualEvidence", row.id().toString(), null, criterion);
        });
        return row;
    }

    /** Tight urban medical groups the caller may see in a jurisdiction (the checklist's subjects). */
    List<ConsortiumView> tightGroups(@Nullable String jurisdiction) {
        CurrentUser u = scope.readableBy();
        return snapshots.allConsortia().stream().filter(NationalCriterion::tightGroup).filter(c -> scope.mayRead(u, c))
                .filter(c -> jurisdiction == null || Divisions.covers(jurisdiction, c.districtCode())).toList();
    }
}
