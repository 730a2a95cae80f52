package org.medunion.pharmacy.internal;

import static org.medunion.pharmacy.internal.PharmacyInput.optionalText;
import static org.medunion.pharmacy.internal.PharmacyInput.required;
import static org.medunion.pharmacy.internal.PharmacyInput.requiredText;
import static org.medunion.pharmacy.internal.PharmacyInput.trim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.RuleViolationException;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Component;

/**
 * Checks a prescription command and fills the prescription: input, care relationship, the RX rules (422 citing the
 * rule and clause), the dispensing site, the pre-screen, the reviewing institution (RX-11) and the due time.
 */
@Component
class PrescriptionWriting {

    static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    private final DrugKnowledge knowledge;
    private final Prescreen prescreen;
    private final PrescriptionChecks checks;
    private final PolicyThresholds thresholds;
    private final RegistryDirectory registry;
    private final ResidentsManagement residents;
    private final PrescriptionViews views;
    private final ExtendedPrescriptions extended;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of one use case, injected
    PrescriptionWriting(DrugKnowledge knowledge, PolicyThresholds thresholds, RegistryDirectory registry, ResidentsManagement residents,
                        PrescriptionViews views, ExtendedPrescriptions extended, Clock clock) {
        this.knowledge = knowledge;
        this.prescreen = new Prescreen(knowledge);
        this.checks = new PrescriptionChecks(thresholds);
        this.thresholds = thresholds;
        this.registry = registry;
        this.residents = residents;
        this.views = views;
        this.extended = extended;
        this.clock = clock;
    }

    @SuppressWarnings("checkstyle:MethodLength") // one pass over the command in the order a reader checks it: input, resident,
    // rules, site, pre-screen, then the fields — split, the order and the "nothing written" guarantee get harder to see
    void fill(Prescription p, WritePrescription c, CurrentUser user, Instant now, boolean fresh) {
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
            int days = daysSupply(item);
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
        if (c.referralId() != null) {
            extended.check(c.referralId(), p.prescribingInstitutionId, residentId);
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
        boolean contracted = residents.isContractedWith(resident, inst);
        var context = new PrescriptionChecks.Context(encounter, dx, Boolean.TRUE.equals(c.chronic()), reasonGiven,
                c.assessmentNote() != null && !c.assessmentNote().isBlank(), Boolean.TRUE.equals(c.patientConfirmed()), validity, age,
                c.guardianName() != null && !c.guardianName().isBlank(), contracted,
                institution.isPrimary(), institution.districtCode());
        var outcome = checks.check(checked, context);
        if (!outcome.blocking().isEmpty()) {
            throw new RuleViolationException(outcome.blocking().stream().map(b -> new RuleViolationException.Violation(b.ruleId(),
                    thresholds.clause(b.ruleId()), views.message(b.messageKey(), b.arguments().toArray()), b.field(),
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
            p.residentName = PharmacyInput.maskName(residentView.name());
            p.residentAge = age;
        }
        p.encounterType = encounter;
        p.diagnosisCode = dx;
        p.diagnosisText = diagnosisText.strip();
        p.chronic = Boolean.TRUE.equals(c.chronic());
        p.urgent = Boolean.TRUE.equals(c.urgent());
        p.reason = trim(c.reason());
        p.longPrescription = outcome.longPrescription();
        p.beyondNormal = outcome.beyondNormal();
        p.longEligible = contracted && checks.listedChronic(dx, institution.districtCode());
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
        p.referralId = c.referralId();
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
    UUID reviewer(InstitutionView institution) {
        if (!institution.isPrimary()) {
            return institution.id().value();
        }
        return registry.activeConsortiaOf(institution.id()).stream().map(ConsortiumView::lead).flatMap(Optional::stream)
                .filter(l -> !l.equals(institution.id())).findFirst().map(InstitutionId::value).orElse(institution.id().value());
    }

    Set<UUID> consortiumPeers(UUID institution) {
        var out = new HashSet<UUID>();
        LocalDate today = LocalDate.now(clock);
        for (var c : registry.activeConsortiaOf(new InstitutionId(institution))) {
            c.activeMembers(today).forEach(m -> out.add(m.institutionId().value()));
        }
        return out;
    }

    /** The line's supply in days: {@code daysSupply}, or {@code weeksSupply} × 7; both given must agree. */
    static int daysSupply(WritePrescription.Item item) {
        Integer weeks = item.weeksSupply();
        if (weeks != null && (weeks < 1 || weeks > 52)) {
            throw new InvalidInputException("items.weeksSupply", PharmacyError.INVALID_NUMBER, weeks);
        }
        Integer given = item.daysSupply();
        if (weeks != null && given != null && given != weeks * 7) {
            throw new InvalidInputException("items.weeksSupply", PharmacyError.SUPPLY_MISMATCH, weeks, given);
        }
        int days = weeks != null ? weeks * 7 : required(given, "items.daysSupply");
        if (days < 1 || days > 366) {
            throw new InvalidInputException("items.daysSupply", PharmacyError.INVALID_NUMBER, days);
        }
        return days;
    }
}
