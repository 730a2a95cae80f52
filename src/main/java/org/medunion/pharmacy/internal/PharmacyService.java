package org.medunion.pharmacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueImport;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.ChooseDispensingSite;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionCheck;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatistics;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy module's facade: it names the caller, loads the prescription the caller may see and hands over to a
 * use case ({@link Prescribing}, {@link Reviewing}, {@link Dispensing}, {@link PrescriptionQueries},
 * {@link CatalogueMaintenance}); status changes happen in the {@link Prescription} aggregate. Access (issue 10): a
 * prescription is visible to the prescribing institution, to the pharmacists of the reviewing institution (RX-11: the
 * consortium's pre-review centre for primary sites), and to the chosen dispensing site once approved; to nobody else —
 * an invisible prescription is 404 like an unknown one. Every read and change of a prescription is audited with the
 * resident as subject.
 */
@Service
@Transactional
class PharmacyService implements PharmacyManagement {

    /** One use-case step on a visible prescription, by the caller, now. */
    @FunctionalInterface
    private interface Step {

        Prescription on(Prescription p, CurrentUser user, Instant now);
    }

    private final CatalogueMaintenance catalogue;
    private final CatalogueImports catalogueImports;
    private final Prescribing prescribing;
    private final Reviewing reviewing;
    private final Dispensing dispensing;
    private final PrescriptionQueries queries;
    private final Prescriptions prescriptions;
    private final PrescriptionViews views;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the module's use-case services, injected
    PharmacyService(CatalogueMaintenance catalogue, CatalogueImports catalogueImports, Prescribing prescribing, Reviewing reviewing,
                    Dispensing dispensing,
                    PrescriptionQueries queries, Prescriptions prescriptions, PrescriptionViews views, CurrentUsers users,
                    AuditTrail audit, Clock clock) {
        this.catalogue = catalogue;
        this.catalogueImports = catalogueImports;
        this.prescribing = prescribing;
        this.reviewing = reviewing;
        this.dispensing = dispensing;
        this.queries = queries;
        this.prescriptions = prescriptions;
        this.views = views;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- catalogue --------------------------------------------------------------------------------------------

    @Override
    public List<FormularyDrugView> formulary(@Nullable String query) {
        return catalogue.formulary(query);
    }

    @Override
    public Optional<FormularyDrugView> drug(String code) {
        return catalogue.drug(code);
    }

    @Override
    public CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items) {
        return catalogue.mapCatalogue(institutionId, items);
    }

    @Override
    public CatalogueImport importCatalogue(UUID institutionId, List<List<String>> table) {
        return catalogueImports.importCatalogue(institutionId, table);
    }

    @Override
    public List<CatalogueCoverage> coverage() {
        return catalogue.coverage();
    }

    // ---- prescribing ------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView prescribe(WritePrescription c) {
        CurrentUser user = users.require();
        return views.view(prescribing.prescribe(c, user, clock.instant()), user);
    }

    @Override
    public PrescriptionCheck check(WritePrescription c) {
        return prescribing.check(c, users.require());
    }

    @Override
    public PrescriptionView resubmit(PrescriptionId id, WritePrescription fixed) {
        return on(id, (p, user, now) -> prescribing.resubmit(p, fixed, user, now));
    }

    // ---- review -----------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView approve(PrescriptionId id, ReviewDecision d) {
        return on(id, (p, user, now) -> reviewing.approve(p, d, user, now));
    }

    @Override
    public PrescriptionView returnToPrescriber(PrescriptionId id, ReviewDecision d) {
        return on(id, (p, user, now) -> reviewing.returnToPrescriber(p, d, user, now));
    }

    @Override
    public PrescriptionView override(PrescriptionId id, ReviewDecision d) {
        return on(id, (p, user, now) -> reviewing.override(p, d, user, now));
    }

    @Override
    public PrescriptionView cancel(PrescriptionId id, ReviewDecision d) {
        return on(id, (p, user, now) -> reviewing.cancel(p, d, user, now));
    }

    // ---- dispensing -------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView chooseDispensingSite(PrescriptionId id, ChooseDispensingSite c) {
        return on(id, (p, user, now) -> dispensing.chooseSite(p, c, user, now));
    }

    @Override
    public PrescriptionView dispense(PrescriptionId id, PrescriptionAction outcome, Dispense c) {
        return on(id, (p, user, now) -> dispensing.dispense(p, outcome, c, user, now));
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView prescription(PrescriptionId id) {
        CurrentUser user = users.require();
        Prescription p = prescriptions.visible(id, user);
        audit.record(AuditAction.READ, Prescriptions.OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return views.view(p, user);
    }

    @Override
    public List<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status) {
        return queries.prescriptions(status, users.require());
    }

    @Override
    public Slice<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status, int limit, int offset) {
        return queries.prescriptions(status, limit, offset, users.require());
    }

    @Override
    public List<PrescriptionView> reviewQueue() {
        return queries.reviewQueue(users.require());
    }

    @Override
    public List<PrescriptionView> dispensingList() {
        return queries.dispensingList(users.require());
    }

    @Override
    public PrescriptionStatistics statistics() {
        return queries.statistics(users.require());
    }

    private PrescriptionView on(PrescriptionId id, Step step) {
        CurrentUser user = users.require();
        Prescription p = prescriptions.visible(id, user);
        return views.view(step.on(p, user, clock.instant()), user);
    }
}
