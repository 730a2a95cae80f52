package org.medunion.pharmacy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.DrugCategory;

/**
 * The rules pre-screen (RX-9, RX-12): format, dose range, duplication, interactions incl. TCM–western pairs, and
 * contraindications by age, pregnancy and allergy, over the drug knowledge. Pure: the same input gives the same
 * findings; the pharmacist decides (RX-8).
 */
public final class Prescreen {

    /** Administrations per day for the frequency codes. */
    static final Map<String, BigDecimal> TIMES_PER_DAY = Map.of("QD", BigDecimal.ONE, "QN", BigDecimal.ONE, "BID", BigDecimal.valueOf(2),
            "Q12H", BigDecimal.valueOf(2), "TID", BigDecimal.valueOf(3), "Q8H", BigDecimal.valueOf(3), "QID", BigDecimal.valueOf(4),
            "QW", BigDecimal.ONE, "ONCE", BigDecimal.ONE, "PRN", BigDecimal.ONE);

    /** One line to screen. */
    public record Line(String drugCode, BigDecimal dose, String doseUnit, String frequency) {
    }

    /** The patient facts the screen uses. */
    public record Patient(@Nullable Integer age, boolean pregnant, Set<String> allergies) {
    }

    /** A finding with a message key of the pharmacy bundle and its arguments. */
    public record Finding(String category, String severity, String ruleId, List<String> drugCodes, String messageKey,
                          List<String> arguments) {
    }

    private final DrugKnowledge knowledge;

    public Prescreen(DrugKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @SuppressWarnings("checkstyle:MethodLength") // the per-line checks then the pair checks, read top to bottom as in RX-9
    public List<Finding> screen(List<Line> lines, Patient patient) {
        var out = new ArrayList<Finding>();
        for (Line l : lines) {
            var drug = knowledge.drug(l.drugCode());
            if (drug == null) {
                continue;
            }
            if (!drug.doseUnit().equalsIgnoreCase(l.doseUnit())) {
                out.add(new Finding("FORMAT", "MODERATE", "RX-9", List.of(l.drugCode()), "pharmacy.finding.unit",
                        List.of(drug.name(), l.doseUnit(), drug.doseUnit())));
                continue;
            }
            var range = knowledge.dose(l.drugCode());
            if (range != null) {
                BigDecimal daily = l.dose().multiply(TIMES_PER_DAY.getOrDefault(l.frequency(), BigDecimal.ONE));
                if (l.dose().compareTo(range.maxSingle()) > 0) {
                    out.add(new Finding("DOSE", "HIGH", "RX-9", List.of(l.drugCode()), "pharmacy.finding.singleDose",
                            List.of(drug.name(), l.dose().stripTrailingZeros().toPlainString(), range.maxSingle().toPlainString(),
                                    drug.doseUnit())));
                } else if (!"QW".equals(l.frequency()) && daily.compareTo(range.maxDaily()) > 0) {
                    out.add(new Finding("DOSE", "HIGH", "RX-9", List.of(l.drugCode()), "pharmacy.finding.dailyDose",
                            List.of(drug.name(), daily.stripTrailingZeros().toPlainString(), range.maxDaily().toPlainString(),
                                    drug.doseUnit())));
                }
            }
            for (var c : knowledge.contraindications(l.drugCode())) {
                boolean hit = switch (c.kind()) {
                    case "PREGNANCY" -> patient.pregnant();
                    case "CHILD_UNDER" -> patient.age() != null && patient.age() < Integer.parseInt(c.value());
                    case "ELDERLY_OVER" -> patient.age() != null && patient.age() >= Integer.parseInt(c.value());
                    case "ALLERGY" -> patient.allergies().contains(c.value().toUpperCase(Locale.ROOT));
                    default -> false;
                };
                if (hit) {
                    out.add(new Finding("CONTRAINDICATION", "ELDERLY_OVER".equals(c.kind()) ? "MODERATE" : "HIGH", "RX-9",
                            List.of(l.drugCode()), "pharmacy.finding.contra." + c.kind(), List.of(drug.name(), c.value(), c.note())));
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            var a = knowledge.drug(lines.get(i).drugCode());
            if (a == null) {
                continue;
            }
            Set<String> interacting = new HashSet<>();
            for (var x : knowledge.interactions(a.code())) {
                interacting.add(x.drugA().equals(a.code()) ? x.drugB() : x.drugA());
            }
            for (int j = i + 1; j < lines.size(); j++) {
                var b = knowledge.drug(lines.get(j).drugCode());
                if (b == null) {
                    continue;
                }
                if (a.code().equals(b.code())) {
                    out.add(new Finding("DUPLICATION", "HIGH", "RX-9", List.of(a.code()), "pharmacy.finding.sameDrug", List.of(a.name())));
                } else if (a.category() != DrugCategory.DECOCTION && a.group().equals(b.group())) {
                    out.add(new Finding("DUPLICATION", "MODERATE", "RX-9", List.of(a.code(), b.code()), "pharmacy.finding.sameGroup",
                            List.of(a.name(), b.name(), a.group())));
                }
                if (interacting.contains(b.code())) {
                    for (var x : knowledge.interactions(a.code())) {
                        if (x.drugA().equals(b.code()) || x.drugB().equals(b.code())) {
                            boolean tcm = a.category() != DrugCategory.WESTERN || b.category() != DrugCategory.WESTERN;
                            out.add(new Finding("INTERACTION", "MAJOR".equals(x.severity()) ? "HIGH" : "MODERATE",
                                    tcm ? "RX-12" : "RX-9", List.of(a.code(), b.code()), "pharmacy.finding.interaction",
                                    List.of(a.name(), b.name(), x.note())));
                        }
                    }
                }
            }
        }
        return out;
    }
}
