package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * Pack RX (pharmacy.md §c): the national prescription rules. They are checked per prescription by the pharmacy
 * module when a prescription is written, reviewed or dispensed (a blocking one refuses the write with 422 citing
 * the rule and its clause); a registry snapshot holds no prescriptions, so they report nothing here. The pack is
 * national: the pharmacy module reads these parameters for every division, whether or not a jurisdiction lists
 * the pack (decision 0120). Parameters are the seed's numbers; overrides per jurisdiction as for any rule.
 */
public final class PrescriptionRules {

    private PrescriptionRules() {
    }

    /** RX-1 … RX-18 in catalogue order. */
    public static List<Rule> all() {
        return List.of(
                rule("RX-1", Severity.BLOCK, Map.of("outpatientDays", "7", "emergencyDays", "3")),
                rule("RX-2", Severity.BLOCK, Map.of("validityDays", "3")),
                rule("RX-3", Severity.BLOCK, Map.of("maxItems", "5")),
                rule("RX-4", Severity.BLOCK,
                        Map.of("injectionDays", "1", "controlledReleaseDays", "7", "otherDays", "3", "methylphenidateDays", "15",
                                "psychotropic2Days", "7")),
                rule("RX-5", Severity.BLOCK,
                        Map.of("diseases",
                                "I10,I11,I12,I13,I15,I20,I25,I48,I50,I63,I69,E10,E11,E14,E78,J44,J45,M15,M16,M17,M81,F20,F31,F32,N18,K74")),
                rule("RX-6", Severity.BLOCK, Map.of("normalDays", "28", "maxDays", "84", "documentedShare", "1.0")),
                rule("RX-7", Severity.WARN, Map.of()),
                rule("RX-8", Severity.BLOCK, Map.of("urgentMinutes", "15", "routineMinutes", "60", "preReviewShare", "1.0")),
                rule("RX-9", Severity.INFO, Map.of()),
                rule("RX-10", Severity.BLOCK, Map.of("minYears", "3")),
                rule("RX-11", Severity.INFO, Map.of()),
                rule("RX-12", Severity.INFO, Map.of()),
                rule("RX-13", Severity.BLOCK, Map.of("minAgeWithoutGuardian", "6")),
                rule("RX-14", Severity.WARN, Map.of("minCoverage", "0.95")),
                rule("RX-15", Severity.INFO, Map.of()),
                rule("RX-16", Severity.BLOCK, Map.of("renewalDays", "14")),
                rule("RX-17", Severity.INFO, Map.of()),
                rule("RX-18", Severity.INFO, Map.of("ordinaryYears", "1", "toxicYears", "2", "narcoticYears", "3")));
    }

    /** Parameters and clause here, evaluation in the pharmacy module. */
    private static Rule rule(String id, Severity severity, Map<String, String> defaults) {
        return new EnforcedElsewhereRule(id, Pack.RX, severity, defaults);
    }
}
