package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * The rules of result recognition (NAT-R-1..12) and shared diagnostic centres (SC-1..8) of diagnostics.md. They
 * are enforced where the data arises — the diagnostics module's recognition look-up at order entry and its order
 * workflow — not over the registry snapshot, so they produce no findings here; the catalogue holds them for their
 * clauses and parameters, which the diagnostics module reads through {@code PolicyThresholds} and never copies.
 * Numbers the spec marks UNVERIFIED or local (windows, turnaround times, acknowledgement minutes) are parameters.
 */
final class RecognitionRules {

    private RecognitionRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("NAT-R-1", Pack.NATR, Severity.INFO, Map.of()),
                rule("NAT-R-2", Pack.NATR, Severity.BLOCK, Map.of()),
                rule("NAT-R-3", Pack.NATR, Severity.INFO, Map.of("nationalScope", "全国")),
                // a list entry's own window wins; this is the fallback for lab items without one (Hubei 鄂卫通〔2023〕56号)
                rule("NAT-R-4", Pack.NATR, Severity.BLOCK, Map.of("labDays", "30")),
                rule("NAT-R-5", Pack.NATR, Severity.BLOCK, Map.of("freeTextReasons", "07,08")),
                rule("NAT-R-6", Pack.NATR, Severity.INFO, Map.of()),
                rule("NAT-R-7", Pack.NATR, Severity.INFO, Map.of("emergencyReason", "04")),
                rule("NAT-R-8", Pack.NATR, Severity.WARN, Map.of()),
                // itemCoverage: I-23's target — tight groups recognise all listed items among members by end-2025 (B2, B3)
                rule("NAT-R-9", Pack.NATR, Severity.BLOCK, Map.of("tightGroupAllItems", "true", "itemCoverage", "1.0")),
                rule("NAT-R-10", Pack.NATR, Severity.BLOCK, Map.of()),
                rule("NAT-R-11", Pack.NATR, Severity.TARGET, Map.of("participationShare", "1.0")),
                rule("NAT-R-12", Pack.NATR, Severity.BLOCK, Map.of("excludeCriticalAndPreliminary", "true")),
                rule("SC-1", Pack.SC, Severity.WARN, Map.of()),
                // onTimeShare: I-20's target, a local parameter (indicators-assessment.md {95%}; no national number)
                rule("SC-2", Pack.SC, Severity.WARN, Map.of("labHours", "24", "imagingHours", "24", "ecgHours", "1",
                        "pathologyHours", "120", "onTimeShare", "0.95")),
                // SC-3 / TM-8: a centre rejects a received order for quality with a coded reason (diagnostics, decision 0234)
                rule("SC-3", Pack.SC, Severity.INFO, Map.of()),
                rule("SC-4", Pack.SC, Severity.INFO, Map.of("reservedShare", "0.2", "releaseHours", "24")),
                rule("SC-5", Pack.SC, Severity.WARN, Map.of("acknowledgeMinutes", "30")),
                rule("SC-6", Pack.SC, Severity.INFO, Map.of()),
                rule("SC-7", Pack.SC, Severity.INFO, Map.of()),
                rule("SC-8", Pack.SC, Severity.BLOCK, Map.of()));
    }

    /** Enforced by the diagnostics module on its own data, part of each clause only: coverage PARTIAL. */
    private static Rule rule(String id, Pack pack, Severity severity, Map<String, String> defaults) {
        return new EnforcedElsewhereRule(id, pack, severity, Coverage.PARTIAL, defaults);
    }
}
