package org.medunion.pharmacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.pharmacy.backfill.PharmacyBackfill;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PharmacyBackfill}: the use-case steps of {@link Prescribing}, {@link Reviewing}, {@link Dispensing} and {@link CatalogueMaintenance} run as
 * the named actor in the role and institution the step needs (prescriber, reviewing pharmacist, dispensing
 * pharmacist), so the same access checks, rules and audit apply; refused to any logged-in caller. For the duration
 * of one step the named actor is the caller (the residents module reads the prescribed-for resident only for a
 * caller, through the prescribing institution's care relationship); the empty context is restored after.
 */
@Service
@Transactional
class PharmacyBackfillService implements PharmacyBackfill {

    private final Prescribing prescribing;
    private final Reviewing reviewing;
    private final Dispensing dispensing;
    private final CatalogueMaintenance catalogue;
    private final PharmacyStore store;
    private final CurrentUsers users;

    PharmacyBackfillService(Prescribing prescribing, Reviewing reviewing, Dispensing dispensing, CatalogueMaintenance catalogue,
                            PharmacyStore store, CurrentUsers users) {
        this.prescribing = prescribing;
        this.reviewing = reviewing;
        this.dispensing = dispensing;
        this.catalogue = catalogue;
        this.store = store;
        this.users = users;
    }

    @Override
    public CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items, String actor) {
        systemOnly();
        var user = as(actor, Role.PHARMACIST, institutionId);
        return ActingAs.run(user, () -> catalogue.mapCatalogue(institutionId, items, user));
    }

    @Override
    public PrescriptionId prescribe(WritePrescription command, UUID prescribingInstitutionId, String actor, Instant at) {
        systemOnly();
        var user = as(actor, Role.GP, prescribingInstitutionId);
        return new PrescriptionId(ActingAs.run(user, () -> prescribing.prescribe(command, user, at)).id);
    }

    @Override
    public PrescriptionStatus approve(PrescriptionId id, ReviewDecision decision, String actor, Instant at) {
        systemOnly();
        Prescription p = find(id);
        var user = as(actor, Role.PHARMACIST, p.reviewingInstitutionId);
        return ActingAs.run(user, () -> reviewing.approve(p, decision, user, at)).status();
    }

    @Override
    public PrescriptionStatus returnToPrescriber(PrescriptionId id, ReviewDecision decision, String actor, Instant at) {
        systemOnly();
        Prescription p = find(id);
        var user = as(actor, Role.PHARMACIST, p.reviewingInstitutionId);
        return ActingAs.run(user, () -> reviewing.returnToPrescriber(p, decision, user, at)).status();
    }

    @Override
    public PrescriptionStatus override(PrescriptionId id, ReviewDecision decision, String actor, Instant at) {
        return asPrescriber(id, actor, (p, user) -> reviewing.override(p, decision, user, at));
    }

    @Override
    public PrescriptionStatus cancel(PrescriptionId id, ReviewDecision decision, String actor, Instant at) {
        return asPrescriber(id, actor, (p, user) -> reviewing.cancel(p, decision, user, at));
    }

    private PrescriptionStatus asPrescriber(PrescriptionId id, String actor, BiFunction<Prescription, CurrentUser, Prescription> step) {
        systemOnly();
        Prescription p = find(id);
        var user = as(actor, Role.GP, p.prescribingInstitutionId);
        return ActingAs.run(user, () -> step.apply(p, user)).status();
    }

    @Override
    public PrescriptionStatus dispense(PrescriptionId id, String actor, Instant at) {
        systemOnly();
        Prescription p = find(id);
        var user = as(actor, Role.PHARMACIST, p.dispensingInstitutionId);
        return ActingAs.run(user, () -> dispensing.dispense(p, PrescriptionAction.DISPENSE, null, user, at)).status();
    }

    @Override
    public PrescriptionStatus dispense(PrescriptionId id, PrescriptionAction outcome, Dispense outcomeDetails, String actor, Instant at) {
        systemOnly();
        Prescription p = find(id);
        var user = as(actor, Role.PHARMACIST, p.dispensingInstitutionId);
        return ActingAs.run(user, () -> dispensing.dispense(p, outcome, outcomeDetails, user, at)).status();
    }

    private Prescription find(PrescriptionId id) {
        return store.find(id.value()).orElseThrow(() -> new NotFoundException(Prescriptions.OBJECT, id.value()));
    }

    private static CurrentUser as(String actor, Role role, UUID institutionId) {
        return new CurrentUser(actor, actor, role, Scope.institution(institutionId));
    }

    private void systemOnly() {
        if (users.current().isPresent()) {
            throw new ForbiddenException(PharmacyError.NOT_PRESCRIBER, "BACKFILL");
        }
    }
}
