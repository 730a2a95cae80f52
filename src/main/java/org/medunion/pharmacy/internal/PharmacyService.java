package org.medunion.pharmacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.pharmacy.CatalogueCoverage;
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
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy use cases. Access (issue 10): a prescription is visible to the prescribing institution, to the
 * pharmacists of the reviewing institution (RX-11: the consortium's pre-review centre for primary sites), and to the
 * chosen dispensing site once approved; to nobody else — an invisible prescription is 404 like an unknown one.
 * Every read and change of a prescription is audited with the resident as subject.
 */
@Service
@Transactional
class PharmacyService implements PharmacyManagement {

    static final String OBJECT = "Prescription";
    private static final int LIST_LIMIT = 500;

    private final PrescriptionWriting writing;
    private final CatalogueMaintenance catalogue;
    private final PrescriptionViews views;
    private final PharmacyStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the module's use-case services, injected
    PharmacyService(PrescriptionWriting writing, CatalogueMaintenance catalogue, PrescriptionViews views, PharmacyStore store,
                    CurrentUsers users, AuditTrail audit, Clock clock) {
        this.writing = writing;
        this.catalogue = catalogue;
        this.views = views;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

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
    public List<CatalogueCoverage> coverage() {
        return catalogue.coverage();
    }

    // ---- prescribing ------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView prescribe(WritePrescription c) {
        CurrentUser user = users.require();
        return views.view(prescribe(c, user, clock.instant()), user);
    }

    @Override
    public PrescriptionCheck check(WritePrescription c) {
        CurrentUser user = users.require();
        Prescription p = new Prescription();
        p.id = UUID.randomUUID();
        p.prescribingInstitutionId = PrescriptionAccess.prescriberInstitution(user);
        p.prescriber = user.username();
        writing.fill(p, c, user, clock.instant(), true);
        audit.record(AuditAction.READ, OBJECT, "check", p.residentId.toString(), "live check");
        return new PrescriptionCheck(views.findings(p), p.longPrescription, p.maxDays, p.longRule);
    }

    /** Writes and submits as {@code user} at {@code now} (also the system's backfill step). */
    Prescription prescribe(WritePrescription c, CurrentUser user, Instant now) {
        UUID institution = PrescriptionAccess.prescriberInstitution(user);
        Prescription p = new Prescription();
        p.id = UUID.randomUUID();
        p.prescribingInstitutionId = institution;
        p.prescriber = user.username();
        writing.fill(p, c, user, now, true);
        p.number = "RX" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(now, clock.getZone()))
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                        .toUpperCase(Locale.ROOT);
        store.insert(p);
        store.transition(p.id, null, PrescriptionAction.RESUBMIT, p.status, user.username(), null, now);
        audit.record(AuditAction.CREATE, OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return p;
    }

    @Override
    public PrescriptionView resubmit(PrescriptionId id, WritePrescription fixed) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        PrescriptionAccess.requirePrescriber(user, p);
        if (fixed == null || fixed.residentId() != null && !fixed.residentId().equals(p.residentId)) {
            throw new InvalidInputException("residentId", PharmacyError.NOT_PRESCRIBER);
        }
        PrescriptionStatus from = p.status;
        if (PrescriptionWorkflow.next(from, PrescriptionAction.RESUBMIT).isEmpty()) {
            p.apply(PrescriptionAction.RESUBMIT);
        }
        Instant now = clock.instant();
        var withResident = new WritePrescription(p.residentId, fixed.encounterType(), fixed.diagnosisCode(), fixed.diagnosisText(),
                fixed.chronic(), fixed.urgent(), fixed.reason(), fixed.assessmentNote(), fixed.patientConfirmed(), fixed.validityDays(),
                fixed.pregnant(), fixed.allergies(), fixed.dispensingInstitutionId() == null ? p.dispensingInstitutionId
                        : fixed.dispensingInstitutionId(),
                fixed.centralDistribution(),
                fixed.dispensingInstitutionId() == null ? (Boolean) p.siteConfirmed : fixed.siteConfirmedByPatient(),
                fixed.guardianName(), fixed.items());
        writing.fill(p, withResident, user, now, false);
        p.apply(PrescriptionAction.RESUBMIT);
        p.reviewRound++;
        p.returnReason = null;
        store.update(p, true);
        store.transition(p.id, from, PrescriptionAction.RESUBMIT, p.status, user.username(), null, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "RESUBMIT " + p.number);
        return views.view(p, user);
    }

    /** Checks the command and fills the prescription (rules, pre-screen, queue owner, due time); nothing written. */
    // ---- review -----------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView approve(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        return views.view(approve(p, d, user, clock.instant()), user);
    }

    /** The review's approval of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription approve(Prescription p, ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requireReviewer(user, p);
        String note = d == null ? null : PharmacyInput.trim(d.note());
        PharmacyInput.optionalText(note, "note", 1000);
        var action = note == null ? PrescriptionAction.APPROVE : PrescriptionAction.APPROVE_WITH_NOTE;
        return review(p, user, action, note, null, now);
    }

    @Override
    public PrescriptionView returnToPrescriber(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        return views.view(returnToPrescriber(p, d, user, clock.instant()), user);
    }

    /** The review's return of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription returnToPrescriber(Prescription p, ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requireReviewer(user, p);
        String reason = d == null ? null : PharmacyInput.trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        PharmacyInput.optionalText(reason, "reason", 1000);
        return review(p, user, PrescriptionAction.RETURN, null, reason, now);
    }

    private Prescription review(Prescription p, CurrentUser user, PrescriptionAction action, @Nullable String note,
                                @Nullable String reason, Instant now) {
        PrescriptionStatus from = p.apply(action);
        p.reviewedBy = user.username();
        p.reviewedAt = now;
        p.reviewNote = note;
        p.returnReason = reason;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, action, p.status, user.username(), reason != null ? reason : note, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), action + " " + p.number);
        return p;
    }

    @Override
    public PrescriptionView override(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        PrescriptionAccess.requirePrescriber(user, p);
        String reason = d == null ? null : PharmacyInput.trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        PharmacyInput.optionalText(reason, "reason", 1000);
        PrescriptionStatus from = p.apply(PrescriptionAction.OVERRIDE);
        Instant now = clock.instant();
        p.overrideCount++;
        p.overrideReason = reason;
        p.reviewRound++;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, PrescriptionAction.OVERRIDE, p.status, user.username(), reason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "OVERRIDE " + p.number);
        return views.view(p, user);
    }

    @Override
    public PrescriptionView cancel(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        PrescriptionAccess.requirePrescriber(user, p);
        String reason = d == null ? null : PharmacyInput.trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        PharmacyInput.optionalText(reason, "reason", 1000);
        PrescriptionStatus from = p.apply(PrescriptionAction.CANCEL);
        Instant now = clock.instant();
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, PrescriptionAction.CANCEL, p.status, user.username(), reason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "CANCEL " + p.number);
        return views.view(p, user);
    }

    // ---- dispensing -------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView chooseDispensingSite(PrescriptionId id, ChooseDispensingSite c) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        PrescriptionAccess.requirePrescriber(user, p);
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        UUID site = PharmacyInput.required(c.institutionId(), "institutionId");
        if (!site.equals(p.prescribingInstitutionId) && !writing.consortiumPeers(p.prescribingInstitutionId).contains(site)) {
            throw new InvalidInputException("institutionId", PharmacyError.SITE_NOT_MEMBER, site);
        }
        if (!Boolean.TRUE.equals(c.confirmedByPatient())) {
            throw new InvalidInputException("confirmedByPatient", PharmacyError.SITE_NOT_CONFIRMED);
        }
        if (p.status != PrescriptionStatus.IN_REVIEW && p.status != PrescriptionStatus.RETURNED
                && p.status != PrescriptionStatus.APPROVED) {
            throw new ConflictException(PharmacyError.ILLEGAL_TRANSITION, "status", p.status, "CHOOSE_SITE");
        }
        UUID before = p.dispensingInstitutionId;
        p.dispensingInstitutionId = site;
        p.centralDistribution = Boolean.TRUE.equals(c.centralDistribution());
        p.siteConfirmed = true;
        p.updatedAt = clock.instant();
        store.update(p, false);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(),
                "DISPENSING_SITE " + before + " -> " + p.dispensingInstitutionId + (p.centralDistribution ? " central" : "")
                        + " confirmed");
        return views.view(p, user);
    }

    @Override
    public PrescriptionView dispense(PrescriptionId id, PrescriptionAction outcome, Dispense c) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        return views.view(dispense(p, outcome, c, user, clock.instant()), user);
    }

    /** Dispensing of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription dispense(Prescription p, PrescriptionAction outcome, @Nullable Dispense c, CurrentUser user, Instant now) {
        if (outcome != PrescriptionAction.DISPENSE && outcome != PrescriptionAction.DISPENSE_PARTIAL
                && outcome != PrescriptionAction.NOT_DISPENSE) {
            throw new InvalidInputException("outcome", PharmacyError.INVALID_NUMBER, outcome);
        }
        if (!(user.isAdmin()
                || user.role() == Role.PHARMACIST && p.dispensingInstitutionId.equals(PrescriptionAccess.institutionOf(user)))) {
            throw new ForbiddenException(PharmacyError.NOT_DISPENSER, p.number);
        }
        if (outcome != PrescriptionAction.DISPENSE && (c == null || c.reason() == null)) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        PharmacyInput.optionalText(c == null ? null : c.note(), "note", 1000);
        PrescriptionStatus from = p.apply(outcome);
        p.dispenseReason = c == null || c.reason() == null ? null : c.reason().name();
        p.dispenseNote = c == null ? null : PharmacyInput.trim(c.note());
        p.dispensedBy = user.username();
        p.dispensedAt = now;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, outcome, p.status, user.username(), p.dispenseReason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), outcome + " " + p.number);
        return p;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView prescription(PrescriptionId id) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        audit.record(AuditAction.READ, OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return views.view(p, user);
    }

    @Override
    public List<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status) {
        CurrentUser user = users.require();
        var pred = PrescriptionAccess.predicate(user);
        String where = pred.sql();
        List<Object> params = new ArrayList<>(pred.params());
        if (status != null) {
            where = "(" + where + ") and status = ?";
            params.add(status.name());
        }
        return audited(store.list(where, params, LIST_LIMIT), user, "list");
    }

    @Override
    public List<PrescriptionView> reviewQueue() {
        CurrentUser user = users.require();
        UUID inst = PrescriptionAccess.institutionOf(user);
        if (user.role() != Role.PHARMACIST || inst == null) {
            throw new ForbiddenException(PharmacyError.NOT_REVIEWER, "queue");
        }
        return audited(store.list("reviewing_institution_id = ? and status = 'IN_REVIEW'", List.of(inst), LIST_LIMIT), user,
                "review queue");
    }

    @Override
    public List<PrescriptionView> dispensingList() {
        CurrentUser user = users.require();
        UUID inst = PrescriptionAccess.institutionOf(user);
        if (user.role() != Role.PHARMACIST || inst == null) {
            throw new ForbiddenException(PharmacyError.NOT_DISPENSER, "list");
        }
        return audited(store.list("dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED')", List.of(inst),
                LIST_LIMIT), user, "dispensing list");
    }

    @Override
    public PrescriptionStatistics statistics() {
        CurrentUser user = users.require();
        var pred = PrescriptionAccess.predicate(user);
        var byStatus = new EnumMap<PrescriptionStatus, Long>(PrescriptionStatus.class);
        store.countBy("status", pred.sql(), pred.params()).forEach((k, v) -> byStatus.put(PrescriptionStatus.valueOf(k), v));
        long returns = store.list(pred.sql(), pred.params(), 100_000).stream().filter(p -> p.returnReason != null
                || p.status == PrescriptionStatus.RETURNED).count();
        return new PrescriptionStatistics(byStatus, returns, store.sum("override_count", pred.sql(), pred.params()),
                store.findingsByCategory(pred.sql(), pred.params()));
    }

    private List<PrescriptionView> audited(List<Prescription> rows, CurrentUser user, String what) {
        for (var p : rows) {
            audit.record(AuditAction.SEARCH, OBJECT, p.id.toString(), p.residentId.toString(), what);
        }
        return rows.stream().map(p -> views.view(p, user)).toList();
    }

    private Prescription visible(PrescriptionId id, CurrentUser user) {
        if (id == null || id.value() == null) {
            throw new NotFoundException(OBJECT, "null");
        }
        var p = store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id.value()));
        if (!PrescriptionAccess.canSee(user, p)) {
            throw new NotFoundException(OBJECT, id.value());
        }
        return p;
    }

}
