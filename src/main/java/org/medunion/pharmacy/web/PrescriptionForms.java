package org.medunion.pharmacy.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.referral.ReferralView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The prescription form's model and its translation into {@link WritePrescription}: drug lines are parallel form
 * fields ({@code drugCode}, {@code dose}, {@code frequency}, {@code daysSupply}, {@code supplyUnit}) in page order; a
 * line without a drug is left out (that is how a line is removed without script). The supply is typed in days or weeks
 * ({@code supplyUnit} D or W); it is stored as days and shown back as weeks when it is a whole number of weeks.
 */
@Component
class PrescriptionForms {

    /** The frequency codes the pre-screen knows, in the order a prescriber picks them. */
    static final List<String> FREQUENCIES = List.of("QD", "BID", "TID", "QID", "QN", "Q8H", "Q12H", "QW", "ONCE", "PRN");

    /** The units the supply is typed in: days, weeks. */
    static final List<String> SUPPLY_UNITS = List.of("D", "W");

    /** One drug line as typed; {@code daysSupply} is the supply in {@code supplyUnit} (D days, W weeks). */
    record Line(String drugCode, String dose, String frequency, String daysSupply, String supplyUnit) {

        static final Line EMPTY = new Line("", "", "QD", "", "D");

        boolean inWeeks() {
            return "W".equals(supplyUnit);
        }
    }

    private final PharmacyManagement pharmacy;
    private final ResidentsManagement residents;
    private final RegistryDirectory registry;
    private final ConsoleSupport support;
    private final Clock clock;

    PrescriptionForms(PharmacyManagement pharmacy, ResidentsManagement residents, RegistryDirectory registry, ConsoleSupport support,
                      Clock clock) {
        this.pharmacy = pharmacy;
        this.residents = residents;
        this.registry = registry;
        this.support = support;
        this.clock = clock;
    }

    List<FormularyDrugView> drugs() {
        return pharmacy.formulary(null);
    }

    /** Everything the form shows: the typed values, the lines, the pickers' choices, the long-prescription fields. */
    void choices(Model model, LinkedFormValues v, @Nullable PrescriptionView fixing) {
        model.addAttribute("v", v);
        model.addAttribute("fixing", fixing != null);
        model.addAttribute("p", fixing);
        model.addAttribute("drugs", drugs());
        model.addAttribute("frequencies", FREQUENCIES);
        model.addAttribute("supplyUnits", SUPPLY_UNITS);
        model.addAttribute("encounters", EncounterType.values());
        List<Line> lines = lines(v);
        model.addAttribute("lines", lines.isEmpty() ? List.of(Line.EMPTY) : lines);
        model.addAttribute("found", fixing == null ? picked(v) : List.of());
        model.addAttribute("sites", sites());
        model.addAttribute("ready", false);
        assessment(model, v);
    }

    /** The RX-6 fields are shown when a rule asked for them or the prescriber already filled them in. */
    void assessment(Model model, LinkedFormValues v) {
        boolean asked = Boolean.TRUE.equals(model.getAttribute("needsAssessment"));
        model.addAttribute("needsAssessment", asked || FormValues.blankToNull(v.get("assessmentNote")) != null
                || v.is("patientConfirmed", "on"));
    }

    WritePrescription command(LinkedFormValues v, @Nullable UUID residentId) {
        var items = new ArrayList<WritePrescription.Item>();
        for (Line l : lines(v)) {
            Integer days = l.inWeeks() ? null : FormValues.integer("items.daysSupply", l.daysSupply());
            Integer weeks = l.inWeeks() ? FormValues.integer("items.weeksSupply", l.daysSupply()) : null;
            items.add(new WritePrescription.Item(l.drugCode(), decimal("items.dose", l.dose()), null, null, l.frequency(), days,
                    null, weeks));
        }
        List<String> allergies = v.get("allergies") == null ? List.of() : Arrays.stream(v.get("allergies").split("[,，、\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        UUID site = uuid(v.get("dispensingInstitutionId"));
        return new WritePrescription(residentId != null ? residentId : uuid(v.get("residentId")),
                FormValues.enumValue(EncounterType.class, "encounterType", v.get("encounterType")), v.get("diagnosisCode"),
                v.get("diagnosisText"), checked(v, "chronic"), checked(v, "urgent"), FormValues.blankToNull(v.get("reason")),
                FormValues.blankToNull(v.get("assessmentNote")), checked(v, "patientConfirmed"),
                FormValues.integer("validityDays", v.get("validityDays")), checked(v, "pregnant"), allergies, site,
                checked(v, "centralDistribution"), checked(v, "siteConfirmedByPatient"), FormValues.blankToNull(v.get("guardianName")),
                items, uuid(v.get("referralId")));
    }

    /**
     * RX-16: the form pre-filled from a downward referral the caller's institution received — the resident, the
     * diagnosis, a chronic prescription, and one line per medication of its list matched to the consortium formulary
     * ({@link ReferralRegimen}); the lines that match no formulary drug are returned to be shown, not prescribed.
     */
    List<String> fromReferral(Model model, ReferralView r) {
        var m = new LinkedMultiValueMap<String, String>();
        m.add("referralId", r.id().value().toString());
        m.add("residentId", r.residentId().toString());
        m.add("encounterType", EncounterType.OUTPATIENT.name());
        m.add("diagnosisCode", r.diagnosisCode());
        m.add("diagnosisText", r.diagnosisText());
        m.add("chronic", "on");
        m.add("reason", support.text("pharmacy.extended.reason")); // RX-1: the hospital's regimen runs past 7 days
        var unmatched = new ArrayList<String>();
        var regimen = ReferralRegimen.of(r.carePlan() == null ? List.of() : r.carePlan().medications(), drugs());
        for (var line : regimen.lines()) {
            m.add("drugCode", line.drugCode());
            m.add("dose", line.dose());
            m.add("frequency", line.frequency());
            m.add("daysSupply", line.daysSupply());
            m.add("supplyUnit", line.supplyUnit());
        }
        unmatched.addAll(regimen.unmatched());
        choices(model, new LinkedFormValues(m), null);
        model.addAttribute("referral", r);
        model.addAttribute("unmatched", unmatched);
        return unmatched;
    }

    /** The form values of a returned prescription, to fix it. */
    LinkedFormValues values(PrescriptionView p) {
        var m = new LinkedMultiValueMap<String, String>();
        m.add("encounterType", p.encounterType().name());
        m.add("diagnosisCode", p.diagnosisCode());
        m.add("diagnosisText", p.diagnosisText());
        flag(m, "chronic", p.chronic());
        flag(m, "urgent", p.urgent());
        if (p.reason() != null) {
            m.add("reason", p.reason());
        }
        flag(m, "patientConfirmed", p.patientConfirmed());
        if (p.assessmentNote() != null) {
            m.add("assessmentNote", p.assessmentNote());
        }
        m.add("validityDays", String.valueOf(p.validityDays()));
        if (!p.dispensingInstitutionId().equals(p.prescribingInstitutionId())) {
            m.add("dispensingInstitutionId", p.dispensingInstitutionId().toString());
            flag(m, "siteConfirmedByPatient", p.siteConfirmedByPatient());
        }
        flag(m, "centralDistribution", p.centralDistribution());
        for (var i : p.items()) {
            m.add("drugCode", i.drugCode());
            m.add("dose", i.dose().stripTrailingZeros().toPlainString());
            m.add("frequency", i.frequency());
            Integer weeks = i.weeksSupply();
            m.add("daysSupply", String.valueOf(weeks != null ? weeks : i.daysSupply()));
            m.add("supplyUnit", weeks != null ? "W" : "D");
        }
        return new LinkedFormValues(m);
    }

    static List<Line> lines(LinkedFormValues v) {
        var out = new ArrayList<Line>();
        List<String> codes = v.all("drugCode");
        for (int i = 0; i < codes.size(); i++) {
            String code = FormValues.blankToNull(codes.get(i));
            if (code != null) {
                String unit = "W".equals(v.at("supplyUnit", i)) ? "W" : "D";
                out.add(new Line(code, orEmpty(v.at("dose", i)), orEmpty(v.at("frequency", i)), orEmpty(v.at("daysSupply", i)), unit));
            }
        }
        return out;
    }

    /** The resident already picked (after a refused submission), read through the residents module's scope. */
    private List<ResidentView> picked(LinkedFormValues v) {
        UUID id = uuid(v.get("residentId"));
        if (id == null) {
            return List.of();
        }
        try {
            return residents.resident(new ResidentId(id)).map(List::of).orElse(List.of());
        } catch (MedUnionException e) {
            return List.of();
        }
    }

    /** RX-15: where the patient may collect — the caller's institution first, then the other members of its consortia. */
    private Map<UUID, String> sites() {
        UUID mine = support.me().scope().referenceId();
        if (mine == null) {
            return Map.of();
        }
        var ids = new LinkedHashSet<UUID>();
        ids.add(mine);
        LocalDate today = LocalDate.now(clock);
        registry.activeConsortiaOf(new InstitutionId(mine))
                .forEach(c -> c.activeMembers(today).forEach(m -> ids.add(m.institutionId().value())));
        var names = support.institutionNames(ids);
        var out = new LinkedHashMap<UUID, String>();
        ids.forEach(id -> out.put(id, names.getOrDefault(id, "")));
        return out;
    }

    private static void flag(LinkedMultiValueMap<String, String> m, String name, boolean on) {
        if (on) {
            m.add(name, "on");
        }
    }

    private static Boolean checked(LinkedFormValues v, String name) {
        return v.is(name, "on") || v.is(name, "true");
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable BigDecimal decimal(String field, @Nullable String s) {
        Double d = FormValues.decimal(field, s);
        return d == null || s == null ? null : new BigDecimal(s.strip());
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        String t = FormValues.blankToNull(s);
        try {
            return t == null ? null : UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
