package org.medunion.pharmacy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.ControlClass;
import org.medunion.pharmacy.DrugCategory;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.policy.LongPrescriptionPolicy;
import org.medunion.policy.PolicyThresholds;

/**
 * The blocking prescription rules checked when a prescription is written (RX-1…RX-6, RX-13, CQ-5) with their
 * parameters read through {@link PolicyThresholds} for the prescribing institution's division; RX-7 is a warning
 * finding. Each broken rule is one {@link Broken} with a message key of the pharmacy bundle and its arguments.
 */
final class PrescriptionChecks {

    /** A broken rule: the rule, the message key (pharmacy bundle), its arguments, the field it concerns. */
    record Broken(String ruleId, String messageKey, List<Object> arguments, String field) {
    }

    /** One checked line: the formulary drug and the days it covers. */
    record CheckedLine(FormularyDrugView drug, int days) {
    }

    /** What the checks need besides the lines. */
    record Context(EncounterType encounter, String diagnosisCode, boolean chronic, boolean reasonGiven, boolean assessed,
                   boolean confirmed, int validityDays, @Nullable Integer age, boolean guardian, boolean contracted,
                   boolean primaryInstitution, String divisionCode) {
    }

    /** The outcome: broken rules (block) and warnings (RX-7). */
    /** @param beyondNormal a line is longer than RX-6's normalDays (the 4 weeks I-28 counts) */
    record Outcome(List<Broken> blocking, List<Broken> warnings, boolean longPrescription, boolean beyondNormal,
                   LongPrescriptionPolicy.Limit limit) {
    }

    private final PolicyThresholds thresholds;

    PrescriptionChecks(PolicyThresholds thresholds) {
        this.thresholds = thresholds;
    }

    private int param(String rule, String name, String division) {
        return Integer.parseInt(thresholds.threshold(rule, name, division).value().strip());
    }

    Outcome check(List<CheckedLine> lines, Context c) {
        String div = c.divisionCode();
        var blocking = new ArrayList<Broken>();
        var warnings = new ArrayList<Broken>();
        var limit = LongPrescriptionPolicy.maxDays(thresholds, div);

        // RX-2 validity
        int validity = param("RX-2", "validityDays", div);
        if (c.validityDays() > validity) {
            blocking.add(new Broken("RX-2", "pharmacy.rx.RX-2", List.of(c.validityDays(), validity), "validityDays"));
        }
        // RX-3 items and decoction pieces
        long decoction = lines.stream().filter(l -> l.drug().category() == DrugCategory.DECOCTION).count();
        int maxItems = param("RX-3", "maxItems", div);
        if (decoction > 0 && decoction < lines.size()) {
            blocking.add(new Broken("RX-3", "pharmacy.rx.RX-3.mixed", List.of(), "items"));
        } else if (decoction == 0 && lines.size() > maxItems) {
            blocking.add(new Broken("RX-3", "pharmacy.rx.RX-3", List.of(lines.size(), maxItems), "items"));
        }
        // RX-13 online prescriptions
        if (c.encounter() == EncounterType.INTERNET) {
            for (var l : lines) {
                if (l.drug().control() == ControlClass.NARCOTIC || l.drug().control() == ControlClass.PSYCHOTROPIC_1
                        || l.drug().control() == ControlClass.PSYCHOTROPIC_2) {
                    blocking.add(new Broken("RX-13", "pharmacy.rx.RX-13.controlled", List.of(l.drug().name()), "items.drugCode"));
                }
            }
            int minAge = param("RX-13", "minAgeWithoutGuardian", div);
            if (c.age() != null && c.age() < minAge && !c.guardian()) {
                blocking.add(new Broken("RX-13", "pharmacy.rx.RX-13.guardian", List.of(minAge), "guardianName"));
            }
        }
        // RX-4 narcotic and psychotropic limits
        for (var l : lines) {
            rx4(l, c, div).ifPresent(blocking::add);
        }
        // RX-1, RX-5, RX-6, CQ-5: days of supply
        int ordinary = c.encounter() == EncounterType.EMERGENCY ? param("RX-1", "emergencyDays", div)
                : param("RX-1", "outpatientDays", div);
        int longest = lines.stream().mapToInt(CheckedLine::days).max().orElse(0);
        boolean longPrescription = false;
        if (longest > ordinary) {
            if (!c.reasonGiven()) {
                blocking.add(new Broken("RX-1", "pharmacy.rx.RX-1", List.of(longest, ordinary), "items.daysSupply"));
            } else if (!c.chronic()) {
                int normal = param("RX-6", "normalDays", div);
                if (longest > normal) {
                    blocking.add(new Broken("RX-5", "pharmacy.rx.RX-5.notChronic", List.of(longest, normal), "chronic"));
                }
            } else {
                longPrescription = true;
                longRules(lines, c, div, limit, longest, blocking, warnings);
            }
        }
        return new Outcome(blocking, warnings, longPrescription, longPrescription && longest > param("RX-6", "normalDays", div), limit);
    }

    /** Whether the diagnosis is (under) one of the jurisdiction's RX-5 chronic diseases. */
    boolean listedChronic(String diagnosisCode, String divisionCode) {
        return Arrays.stream(thresholds.threshold("RX-5", "diseases", divisionCode).value().split("\\s*,\\s*"))
                .anyMatch(diagnosisCode::startsWith);
    }

    private void longRules(List<CheckedLine> lines, Context c, String div, LongPrescriptionPolicy.Limit limit, int longest,
                           List<Broken> blocking, List<Broken> warnings) {
        String dx = c.diagnosisCode();
        if (!listedChronic(dx, div)) {
            blocking.add(new Broken("RX-5", "pharmacy.rx.RX-5.disease", List.of(dx), "diagnosisCode"));
        }
        for (var l : lines) {
            var d = l.drug();
            boolean tb = "TB".equals(d.group()) || "AZOLE".equals(d.group());
            if (l.days() > 0 && (d.control() != ControlClass.NONE || d.antimicrobial() && !tb || d.specialStorage())) {
                blocking.add(new Broken("RX-5", "pharmacy.rx.RX-5.drug", List.of(d.name()), "items.drugCode"));
            }
        }
        if (longest > limit.days()) {
            blocking.add(
                    new Broken(limit.ruleId(), "pharmacy.rx.maxDays", List.of(longest, limit.days(), limit.ruleId()), "items.daysSupply"));
        }
        if ("CQ-5".equals(limit.ruleId()) && !c.contracted()) {
            blocking.add(new Broken("CQ-5", "pharmacy.rx.CQ-5.contract", List.of(), "residentId"));
        }
        int normal = param("RX-6", "normalDays", div);
        if (longest > normal && (!c.assessed() || !c.confirmed())) {
            blocking.add(new Broken("RX-6", "pharmacy.rx.RX-6.confirm", List.of(longest, normal),
                    c.assessed() ? "patientConfirmed" : "assessmentNote"));
        }
        if (!c.primaryInstitution()) {
            warnings.add(new Broken("RX-7", "pharmacy.rx.RX-7", List.of(), "prescribingInstitution"));
        }
    }

    private Optional<Broken> rx4(CheckedLine l, Context c, String div) {
        var d = l.drug();
        int max;
        if (d.control() == ControlClass.NARCOTIC || d.control() == ControlClass.PSYCHOTROPIC_1) {
            if (d.englishName().startsWith("methylphenidate") && c.diagnosisCode().startsWith("F90")) {
                max = param("RX-4", "methylphenidateDays", div);
            } else if (d.injection()) {
                max = param("RX-4", "injectionDays", div);
            } else if (d.controlledRelease()) {
                max = param("RX-4", "controlledReleaseDays", div);
            } else {
                max = param("RX-4", "otherDays", div);
            }
        } else if (d.control() == ControlClass.PSYCHOTROPIC_2 && !c.reasonGiven()) {
            max = param("RX-4", "psychotropic2Days", div);
        } else {
            return Optional.empty();
        }
        return l.days() > max
                ? Optional.of(new Broken("RX-4", "pharmacy.rx.RX-4", List.of(d.name(), l.days(), max), "items.daysSupply"))
                : Optional.empty();
    }
}
