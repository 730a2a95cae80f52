package org.medunion.pharmacy.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.ChooseDispensingSite;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescreenFinding;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatistics;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.RuleViolationException;
import org.medunion.shared.TextRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    private static final Set<PrescriptionStatus> DISPENSING_STATES = Set.of(PrescriptionStatus.APPROVED,
            PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionStatus.DISPENSED, PrescriptionStatus.NOT_DISPENSED);
    private static final int LIST_LIMIT = 500;

    private final DrugKnowledge knowledge;
    private final Prescreen prescreen;
    private final PrescriptionChecks checks;
    private final PolicyThresholds thresholds;
    private final PharmacyStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final RegistryDirectory registry;
    private final ResidentsManagement residents;
    private final MessageSource messages;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the module's use cases, injected
    PharmacyService(PharmacyStore store, PolicyThresholds thresholds, CurrentUsers users, AuditTrail audit, RegistryDirectory registry,
                    ResidentsManagement residents, MessageSource messages, Clock clock) {
        this.knowledge = DrugKnowledge.load();
        this.prescreen = new Prescreen(knowledge);
        this.checks = new PrescriptionChecks(thresholds);
        this.thresholds = thresholds;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.registry = registry;
        this.residents = residents;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- formulary and catalogues -----------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<FormularyDrugView> formulary(@Nullable String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return knowledge.drugs().stream().filter(d -> q.isEmpty() || d.code().equalsIgnoreCase(q) || d.name().contains(q)
                || d.englishName().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FormularyDrugView> drug(String code) {
        return Optional.ofNullable(knowledge.drug(code));
    }

    @Override
    public CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items) {
        CurrentUser user = users.require();
        if (!coveredInstitutions(user).map(s -> s.contains(institutionId)).orElse(true)) {
            throw new ForbiddenException(PharmacyError.NOT_CATALOGUE_OWNER, institutionId);
        }
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", "field.required");
        }
        TextRules.listSize(items, "items", 5000);
        Instant now = clock.instant();
        for (var item : items) {
            if (item == null) {
                throw new InvalidInputException("items", "field.required");
            }
            requiredText(item.localCode(), "items.localCode", 50);
            requiredText(item.localName(), "items.localName", 200);
            if (item.formularyCode() != null && !item.formularyCode().isBlank() && knowledge.drug(item.formularyCode()) == null) {
                throw new InvalidInputException("items.formularyCode", PharmacyError.UNKNOWN_DRUG, item.formularyCode());
            }
        }
        for (var item : items) {
            String code = item.formularyCode() == null || item.formularyCode().isBlank() ? null : item.formularyCode();
            store.saveCatalogueItem(institutionId, new CatalogueItem(item.localCode().strip(), item.localName().strip(), code),
                    user.username(), now);
        }
        audit.record(AuditAction.UPDATE, "PharmacyCatalogue", institutionId.toString(), null, items.size() + " items");
        return coverageOf(List.of(institutionId)).get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogueCoverage> coverage() {
        CurrentUser user = users.require();
        return coverageOf(coveredInstitutions(user).map(s -> (List<UUID>) new ArrayList<>(s)).orElse(null));
    }

    /** The institutions whose catalogues the caller maintains or oversees; empty = all (admin). */
    private Optional<Set<UUID>> coveredInstitutions(CurrentUser user) {
        if (user.isAdmin()) {
            return Optional.empty();
        }
        var out = new HashSet<UUID>();
        if (user.scope().type() == ScopeType.INSTITUTION && user.scope().referenceId() != null) {
            out.add(user.scope().referenceId());
        } else if (user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && user.scope().referenceId() != null) {
            registry.consortiumEntry(new org.medunion.registry.ConsortiumId(user.scope().referenceId()))
                    .ifPresent(c -> c.activeMembers(LocalDate.now(clock)).forEach(m -> out.add(m.institutionId().value())));
        }
        return Optional.of(out);
    }

    private List<CatalogueCoverage> coverageOf(@Nullable List<UUID> institutions) {
        var catalogues = store.catalogues(institutions);
        var ids = new ArrayList<UUID>(institutions == null ? catalogues.keySet() : institutions);
        var names = names(ids);
        double target = Double.parseDouble(thresholds.threshold("RX-14", "minCoverage", null).value().strip());
        var out = new ArrayList<CatalogueCoverage>();
        for (UUID id : ids) {
            var items = catalogues.getOrDefault(id, List.of());
            var unmapped = items.stream().filter(i -> i.formularyCode() == null).toList();
            int mapped = items.size() - unmapped.size();
            double coverage = items.isEmpty() ? 0 : (double) mapped / items.size();
            out.add(new CatalogueCoverage(id, names.getOrDefault(id, ""), items.size(), mapped, coverage, target,
                    items.isEmpty() || coverage < target, unmapped));
        }
        return out;
    }

    // ---- prescribing ------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView prescribe(WritePrescription c) {
        CurrentUser user = users.require();
        UUID institution = prescriberInstitution(user);
        Prescription p = new Prescription();
        p.id = UUID.randomUUID();
        p.prescribingInstitutionId = institution;
        p.prescriber = user.username();
        Instant now = clock.instant();
        fill(p, c, user, now, true);
        p.number = "RX" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock))
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                        .toUpperCase(Locale.ROOT);
        store.insert(p);
        store.transition(p.id, null, PrescriptionAction.RESUBMIT, p.status, user.username(), null, now);
        audit.record(AuditAction.CREATE, OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return view(p, user);
    }

    @Override
    public PrescriptionView resubmit(PrescriptionId id, WritePrescription fixed) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requirePrescriber(user, p);
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
        fill(p, withResident, user, now, false);
        p.apply(PrescriptionAction.RESUBMIT);
        p.reviewRound++;
        p.returnReason = null;
        store.update(p, true);
        store.transition(p.id, from, PrescriptionAction.RESUBMIT, p.status, user.username(), null, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "RESUBMIT " + p.number);
        return view(p, user);
    }

    /** Checks the command and fills the prescription (rules, pre-screen, queue owner, due time); nothing written. */
    private void fill(Prescription p, WritePrescription c, CurrentUser user, Instant now, boolean fresh) {
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        UUID residentId = required(c.residentId(), "residentId");
        EncounterType encounter = required(c.encounterType(), "encounterType");
        String dx = requiredText(c.diagnosisCode(), "diagnosisCode", 10).strip().toUpperCase(Locale.ROOT);
        if (!ICD10.matcher(dx).matches()) {
            throw new InvalidInputException("diagnosisCode", PharmacyError.INVALID_ICD10, c.diagnosisCode());
        }
        String diagnosisText = requiredText(c.diagnosisText(), "diagnosisText", 200);
        optionalText(c.reason(), "reason", 1000);
        optionalText(c.assessmentNote(), "assessmentNote", 1000);
        optionalText(c.guardianName(), "guardianName", 100);
        List<WritePrescription.Item> itemInputs = c.items();
        if (itemInputs == null || itemInputs.isEmpty()) {
            throw new InvalidInputException("items", PharmacyError.NO_ITEMS);
        }
        TextRules.listSize(itemInputs, "items", 20);
        List<String> allergyInputs = c.allergies() == null ? List.of() : c.allergies();
        TextRules.listSize(allergyInputs, "allergies", 20);
        int validity = c.validityDays() == null ? 1 : c.validityDays();
        if (validity < 1) {
            throw new InvalidInputException("validityDays", PharmacyError.INVALID_NUMBER, validity);
        }
        var lines = new ArrayList<Prescription.Line>();
        var checked = new ArrayList<PrescriptionChecks.CheckedLine>();
        int n = 0;
        for (var item : itemInputs) {
            required(item, "items");
            String code = requiredText(item.drugCode(), "items.drugCode", 20).strip();
            var drug = knowledge.drug(code);
            if (drug == null) {
                throw new InvalidInputException("items.drugCode", PharmacyError.UNKNOWN_DRUG, item.drugCode());
            }
            BigDecimal dose = required(item.dose(), "items.dose");
            if (dose.signum() <= 0 || dose.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                throw new InvalidInputException("items.dose", PharmacyError.INVALID_NUMBER, dose);
            }
            String unit = item.doseUnit() == null || item.doseUnit().isBlank() ? drug.doseUnit() : item.doseUnit().strip();
            optionalText(unit, "items.doseUnit", 20);
            String route = item.route() == null || item.route().isBlank() ? drug.route() : item.route().strip().toUpperCase(Locale.ROOT);
            optionalText(route, "items.route", 20);
            String freq = requiredText(item.frequency(), "items.frequency", 10).strip().toUpperCase(Locale.ROOT);
            if (!Prescreen.TIMES_PER_DAY.containsKey(freq)) {
                throw new InvalidInputException("items.frequency", PharmacyError.INVALID_FREQUENCY, item.frequency());
            }
            int days = required(item.daysSupply(), "items.daysSupply");
            if (days < 1 || days > 366) {
                throw new InvalidInputException("items.daysSupply", PharmacyError.INVALID_NUMBER, days);
            }
            if (item.quantity() != null && (item.quantity().signum() <= 0 || item.quantity().compareTo(BigDecimal.valueOf(100_000)) > 0)) {
                throw new InvalidInputException("items.quantity", PharmacyError.INVALID_NUMBER, item.quantity());
            }
            lines.add(new Prescription.Line(++n, drug.code(), dose, unit, route, freq, days, item.quantity()));
            checked.add(new PrescriptionChecks.CheckedLine(drug, days));
        }
        // the resident: a care relationship of the prescribing institution, else 404 as for an unknown resident
        var resident = new ResidentId(residentId);
        var inst = new InstitutionId(p.prescribingInstitutionId);
        if (fresh && residents.relationship(inst, resident).isEmpty()) {
            throw new NotFoundException("Resident", residentId);
        }
        var residentView = fresh ? residents.resident(resident).orElseThrow(() -> new NotFoundException("Resident", residentId)) : null;
        InstitutionView institution = registry.institutionEntry(inst).orElseThrow(() -> new NotFoundException("Institution", inst.value()));
        Set<String> allergies = new HashSet<>();
        for (String a : allergyInputs) {
            allergies.add(requiredText(a, "allergies", 40).strip().toUpperCase(Locale.ROOT));
        }
        @Nullable
        Integer age = residentView != null ? Integer.valueOf(residentView.ageOn(LocalDate.now(clock))) : p.residentAge;
        boolean reasonGiven = c.reason() != null && !c.reason().isBlank();
        var context = new PrescriptionChecks.Context(encounter, dx, Boolean.TRUE.equals(c.chronic()), reasonGiven,
                c.assessmentNote() != null && !c.assessmentNote().isBlank(), Boolean.TRUE.equals(c.patientConfirmed()), validity, age,
                c.guardianName() != null && !c.guardianName().isBlank(), residents.isContractedWith(resident, inst),
                institution.isPrimary(), institution.districtCode());
        var outcome = checks.check(checked, context);
        if (!outcome.blocking().isEmpty()) {
            throw new RuleViolationException(outcome.blocking().stream().map(b -> new RuleViolationException.Violation(b.ruleId(),
                    thresholds.clause(b.ruleId()), message(b.messageKey(), b.arguments().toArray()), b.field(),
                    List.of("Patient/" + residentId))).toList());
        }
        // dispensing site (RX-15): the prescribing member or another member of one of its consortia, confirmed by the patient
        UUID chosen = c.dispensingInstitutionId();
        UUID site = chosen == null ? p.prescribingInstitutionId : chosen;
        boolean elsewhere = !site.equals(p.prescribingInstitutionId);
        if (elsewhere && !consortiumPeers(p.prescribingInstitutionId).contains(site)) {
            throw new InvalidInputException("dispensingInstitutionId", PharmacyError.SITE_NOT_MEMBER, site);
        }
        if ((elsewhere || Boolean.TRUE.equals(c.centralDistribution())) && !Boolean.TRUE.equals(c.siteConfirmedByPatient())) {
            throw new InvalidInputException("siteConfirmedByPatient", PharmacyError.SITE_NOT_CONFIRMED);
        }
        var findings = new ArrayList<>(prescreen.screen(lines.stream().map(l -> new Prescreen.Line(l.drugCode(), l.dose(), l.doseUnit(),
                l.frequency())).toList(), new Prescreen.Patient(age, Boolean.TRUE.equals(c.pregnant()), allergies)));
        for (var w : outcome.warnings()) {
            findings.add(new Prescreen.Finding("LONG_PRESCRIPTION", "INFO", w.ruleId(), List.of(), w.messageKey(), List.of()));
        }
        p.residentId = residentId;
        if (residentView != null) {
            p.residentName = maskName(residentView.name());
            p.residentAge = age;
        }
        p.encounterType = encounter;
        p.diagnosisCode = dx;
        p.diagnosisText = diagnosisText.strip();
        p.chronic = Boolean.TRUE.equals(c.chronic());
        p.urgent = Boolean.TRUE.equals(c.urgent());
        p.reason = trim(c.reason());
        p.longPrescription = outcome.longPrescription();
        p.maxDays = outcome.limit().days();
        p.longRule = outcome.limit().ruleId();
        p.assessmentNote = trim(c.assessmentNote());
        p.patientConfirmed = Boolean.TRUE.equals(c.patientConfirmed());
        p.validityDays = validity;
        p.pregnant = Boolean.TRUE.equals(c.pregnant());
        p.allergies = allergies.isEmpty() ? null : String.join(",", allergies.stream().sorted().toList());
        p.guardianName = trim(c.guardianName());
        p.reviewingInstitutionId = reviewer(institution);
        p.dispensingInstitutionId = site;
        p.centralDistribution = Boolean.TRUE.equals(c.centralDistribution());
        p.siteConfirmed = Boolean.TRUE.equals(c.siteConfirmedByPatient()) || !elsewhere && !p.centralDistribution;
        p.lines = lines;
        p.findings = findings;
        p.submittedAt = now;
        p.updatedAt = now;
        p.dueAt = now.plus(Duration.ofMinutes(Integer.parseInt(thresholds.threshold("RX-8", p.urgent ? "urgentMinutes" : "routineMinutes",
                institution.districtCode()).value().strip())));
    }

    /**
     * RX-11: a primary site is reviewed by the pre-review centre of its consortium — the lead institution of the
     * first active consortium it belongs to that has a lead other than itself (decision 0121); any other institution
     * reviews its own prescriptions.
     */
    private UUID reviewer(InstitutionView institution) {
        if (!institution.isPrimary()) {
            return institution.id().value();
        }
        return registry.activeConsortiaOf(institution.id()).stream().map(ConsortiumView::lead).flatMap(Optional::stream)
                .filter(l -> !l.equals(institution.id())).findFirst().map(InstitutionId::value).orElse(institution.id().value());
    }

    private Set<UUID> consortiumPeers(UUID institution) {
        var out = new HashSet<UUID>();
        LocalDate today = LocalDate.now(clock);
        for (var c : registry.activeConsortiaOf(new InstitutionId(institution))) {
            c.activeMembers(today).forEach(m -> out.add(m.institutionId().value()));
        }
        return out;
    }

    // ---- review -----------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView approve(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requireReviewer(user, p);
        String note = d == null ? null : trim(d.note());
        optionalText(note, "note", 1000);
        var action = note == null ? PrescriptionAction.APPROVE : PrescriptionAction.APPROVE_WITH_NOTE;
        return review(p, user, action, note, null);
    }

    @Override
    public PrescriptionView returnToPrescriber(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requireReviewer(user, p);
        String reason = d == null ? null : trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        optionalText(reason, "reason", 1000);
        return review(p, user, PrescriptionAction.RETURN, null, reason);
    }

    private PrescriptionView review(Prescription p, CurrentUser user, PrescriptionAction action, @Nullable String note,
                                    @Nullable String reason) {
        PrescriptionStatus from = p.apply(action);
        Instant now = clock.instant();
        p.reviewedBy = user.username();
        p.reviewedAt = now;
        p.reviewNote = note;
        p.returnReason = reason;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, action, p.status, user.username(), reason != null ? reason : note, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), action + " " + p.number);
        return view(p, user);
    }

    @Override
    public PrescriptionView override(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requirePrescriber(user, p);
        String reason = d == null ? null : trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        optionalText(reason, "reason", 1000);
        PrescriptionStatus from = p.apply(PrescriptionAction.OVERRIDE);
        Instant now = clock.instant();
        p.overrideCount++;
        p.overrideReason = reason;
        p.reviewRound++;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, PrescriptionAction.OVERRIDE, p.status, user.username(), reason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "OVERRIDE " + p.number);
        return view(p, user);
    }

    @Override
    public PrescriptionView cancel(PrescriptionId id, ReviewDecision d) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requirePrescriber(user, p);
        String reason = d == null ? null : trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        optionalText(reason, "reason", 1000);
        PrescriptionStatus from = p.apply(PrescriptionAction.CANCEL);
        Instant now = clock.instant();
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, PrescriptionAction.CANCEL, p.status, user.username(), reason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), "CANCEL " + p.number);
        return view(p, user);
    }

    // ---- dispensing -------------------------------------------------------------------------------------------

    @Override
    public PrescriptionView chooseDispensingSite(PrescriptionId id, ChooseDispensingSite c) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        requirePrescriber(user, p);
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        UUID site = required(c.institutionId(), "institutionId");
        if (!site.equals(p.prescribingInstitutionId) && !consortiumPeers(p.prescribingInstitutionId).contains(site)) {
            throw new InvalidInputException("institutionId", PharmacyError.SITE_NOT_MEMBER, site);
        }
        if (!Boolean.TRUE.equals(c.confirmedByPatient())) {
            throw new InvalidInputException("confirmedByPatient", PharmacyError.SITE_NOT_CONFIRMED);
        }
        if (p.status != PrescriptionStatus.IN_REVIEW && p.status != PrescriptionStatus.RETURNED
                && p.status != PrescriptionStatus.APPROVED) {
            throw new org.medunion.shared.ConflictException(PharmacyError.ILLEGAL_TRANSITION, "status", p.status, "CHOOSE_SITE");
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
        return view(p, user);
    }

    @Override
    public PrescriptionView dispense(PrescriptionId id, PrescriptionAction outcome, Dispense c) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        if (outcome != PrescriptionAction.DISPENSE && outcome != PrescriptionAction.DISPENSE_PARTIAL
                && outcome != PrescriptionAction.NOT_DISPENSE) {
            throw new InvalidInputException("outcome", PharmacyError.INVALID_NUMBER, outcome);
        }
        if (!(user.isAdmin() || user.role() == Role.PHARMACIST && p.dispensingInstitutionId.equals(institutionOf(user)))) {
            throw new ForbiddenException(PharmacyError.NOT_DISPENSER, p.number);
        }
        if (outcome != PrescriptionAction.DISPENSE && (c == null || c.reason() == null)) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        optionalText(c == null ? null : c.note(), "note", 1000);
        PrescriptionStatus from = p.apply(outcome);
        Instant now = clock.instant();
        p.dispenseReason = c == null || c.reason() == null ? null : c.reason().name();
        p.dispenseNote = c == null ? null : trim(c.note());
        p.dispensedBy = user.username();
        p.dispensedAt = now;
        p.updatedAt = now;
        store.update(p, false);
        store.transition(p.id, from, outcome, p.status, user.username(), p.dispenseReason, now);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), outcome + " " + p.number);
        return view(p, user);
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public PrescriptionView prescription(PrescriptionId id) {
        CurrentUser user = users.require();
        Prescription p = visible(id, user);
        audit.record(AuditAction.READ, OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return view(p, user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status) {
        CurrentUser user = users.require();
        var pred = predicate(user);
        String where = pred.sql();
        List<Object> params = new ArrayList<>(pred.params());
        if (status != null) {
            where = "(" + where + ") and status = ?";
            params.add(status.name());
        }
        return audited(store.list(where, params, LIST_LIMIT), user, "list");
    }

    @Override
    @Transactional(readOnly = true)
    public List<PrescriptionView> reviewQueue() {
        CurrentUser user = users.require();
        UUID inst = institutionOf(user);
        if (user.role() != Role.PHARMACIST || inst == null) {
            throw new ForbiddenException(PharmacyError.NOT_REVIEWER, "queue");
        }
        return audited(store.list("reviewing_institution_id = ? and status = 'IN_REVIEW'", List.of(inst), LIST_LIMIT), user,
                "review queue");
    }

    @Override
    @Transactional(readOnly = true)
    public List<PrescriptionView> dispensingList() {
        CurrentUser user = users.require();
        UUID inst = institutionOf(user);
        if (user.role() != Role.PHARMACIST || inst == null) {
            throw new ForbiddenException(PharmacyError.NOT_DISPENSER, "list");
        }
        return audited(store.list("dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED')", List.of(inst),
                LIST_LIMIT), user, "dispensing list");
    }

    @Override
    @Transactional(readOnly = true)
    public PrescriptionStatistics statistics() {
        CurrentUser user = users.require();
        var pred = predicate(user);
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
        return rows.stream().map(p -> view(p, user)).toList();
    }

    // ---- access -----------------------------------------------------------------------------------------------

    /** SQL predicate of the rows the caller may see. */
    record Predicate(String sql, List<Object> params) {
    }

    Predicate predicate(CurrentUser user) {
        if (user.isAdmin()) {
            return new Predicate("1=1", List.of());
        }
        UUID inst = institutionOf(user);
        if (inst == null) {
            return new Predicate("1=0", List.of());
        }
        String dispensing = "(dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED', 'DISPENSED', 'NOT_DISPENSED'))";
        if (user.role() == Role.PHARMACIST) {
            return new Predicate("(prescribing_institution_id = ? or reviewing_institution_id = ? or " + dispensing + ")",
                    List.of(inst, inst, inst));
        }
        return new Predicate("(prescribing_institution_id = ? or " + dispensing + ")", List.of(inst, inst));
    }

    boolean canSee(CurrentUser user, Prescription p) {
        if (user.isAdmin()) {
            return true;
        }
        UUID inst = institutionOf(user);
        if (inst == null) {
            return false;
        }
        return inst.equals(p.prescribingInstitutionId)
                || user.role() == Role.PHARMACIST && inst.equals(p.reviewingInstitutionId)
                || inst.equals(p.dispensingInstitutionId) && DISPENSING_STATES.contains(p.status);
    }

    private Prescription visible(PrescriptionId id, CurrentUser user) {
        if (id == null || id.value() == null) {
            throw new NotFoundException(OBJECT, "null");
        }
        var p = store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id.value()));
        if (!canSee(user, p)) {
            throw new NotFoundException(OBJECT, id.value());
        }
        return p;
    }

    private static @Nullable UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION ? user.scope().referenceId() : null;
    }

    private static UUID prescriberInstitution(CurrentUser user) {
        UUID inst = institutionOf(user);
        if (inst == null || user.role() != Role.GP && user.role() != Role.SPECIALIST) {
            throw new ForbiddenException(PharmacyError.NOT_PRESCRIBER, user.role());
        }
        return inst;
    }

    private static void requirePrescriber(CurrentUser user, Prescription p) {
        if (!(user.role() == Role.GP || user.role() == Role.SPECIALIST) || !p.prescribingInstitutionId.equals(institutionOf(user))) {
            throw new ForbiddenException(PharmacyError.NOT_PRESCRIBER, user.role());
        }
    }

    private static void requireReviewer(CurrentUser user, Prescription p) {
        if (user.role() != Role.PHARMACIST || !p.reviewingInstitutionId.equals(institutionOf(user))) {
            throw new ForbiddenException(PharmacyError.NOT_REVIEWER, p.number);
        }
    }

    // ---- views ------------------------------------------------------------------------------------------------

    private PrescriptionView view(Prescription p, CurrentUser user) {
        var names = names(List.of(p.prescribingInstitutionId, p.reviewingInstitutionId, p.dispensingInstitutionId));
        var items = p.lines.stream().map(l -> {
            var d = knowledge.drug(l.drugCode());
            return new PrescriptionView.ItemView(l.line(), l.drugCode(), d == null ? l.drugCode() : d.name(), d == null ? "" : d.strength(),
                    l.dose(), l.doseUnit(), l.route(), l.frequency(), l.daysSupply(), l.quantity());
        }).toList();
        var findings = p.findings.stream().map(f -> new PrescreenFinding(f.category(), f.severity(), f.ruleId(), f.drugCodes(),
                message(f.messageKey(), f.arguments().toArray()))).toList();
        var allowed = new ArrayList<PrescriptionAction>();
        PrescriptionWorkflow.table().getOrDefault(p.status, Map.of()).keySet().forEach(allowed::add);
        return new PrescriptionView(p.id, p.number, p.status, p.residentId, p.residentName, p.prescribingInstitutionId,
                names.getOrDefault(p.prescribingInstitutionId, ""), p.prescriber, p.reviewingInstitutionId,
                names.getOrDefault(p.reviewingInstitutionId, ""), !p.reviewingInstitutionId.equals(p.prescribingInstitutionId),
                p.encounterType, p.diagnosisCode, p.diagnosisText, p.chronic, p.urgent, p.longPrescription, p.maxDays, p.longRule,
                p.assessmentNote, p.patientConfirmed, p.validityDays, items, findings, p.reviewRound, p.overrideCount, p.overrideReason,
                p.reviewNote, p.returnReason, p.reviewedBy, p.reviewedAt, p.dueAt, p.dispensingInstitutionId,
                names.getOrDefault(p.dispensingInstitutionId, ""), p.centralDistribution, p.siteConfirmed, p.dispenseReason,
                p.dispenseNote, p.dispensedBy, p.dispensedAt, p.submittedAt, p.version, allowed);
    }

    private Map<UUID, String> names(Collection<UUID> ids) {
        var out = new LinkedHashMap<UUID, String>();
        registry.institutionNames(ids.stream().distinct().map(InstitutionId::new).toList()).forEach((k, v) -> out.put(k.value(), v));
        return out;
    }

    String message(String key, Object... args) {
        String m = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return m == null ? key : m;
    }

    static String maskName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "field.required");
        }
        return value;
    }

    private static String requiredText(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        optionalText(value, field, max);
        return value;
    }

    private static void optionalText(@Nullable String value, String field, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, PharmacyError.TEXT_TOO_LONG, max);
        }
        TextRules.characters(value, field, TextRules.Kind.MULTILINE);
    }

}
