package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * Rule pack TM, the national telemedicine rules (consultation.md §c). The gates are enforced by the consultation
 * module when a request is made or moved on (it reads every number here through {@code PolicyThresholds} and cites
 * the clause); over the registry snapshot the rules have nothing to evaluate and report NO_DATA naming that source.
 * TM-4's deadlines are ISO-8601 durations per urgency, plus the second limit after which an unanswered request
 * expires; TM-5's {@code years} is the independent clinical practice an invited physician needs. Unverified
 * national numbers stay parameters (B8).
 */
final class TelemedicineRules {

    static final String GATES = "consultation: request and workflow gates (ConsultationGates)";

    private TelemedicineRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("TM-1", Severity.BLOCK, GATES, Map.of()),
                rule("TM-2", Severity.BLOCK, GATES, Map.of()),
                rule("TM-3", Severity.BLOCK, GATES, Map.of()),
                rule("TM-4", Severity.WARN, "consultation: deadline job (ConsultationDeadlines)",
                        Map.of("routine", "PT24H", "urgent", "PT1H", "emergency", "PT10M", "expireAfter", "PT72H")),
                rule("TM-5", Severity.BLOCK, GATES, Map.of("years", "3")),
                rule("TM-6", Severity.WARN, "consultation: session participants (not yet recorded)", Map.of("physicians", "1")),
                rule("TM-7", Severity.BLOCK, GATES, Map.of()),
                rule("TM-8", Severity.INFO, "consultation: remote diagnosis outcome codes (not yet recorded)", Map.of()),
                rule("TM-9", Severity.INFO, "retention classes (not yet recorded)",
                        Map.of("outpatientYears", "15", "inpatientYears", "30", "processYears", "3")),
                rule("TM-10", Severity.BLOCK, "internet follow-up visits (no module yet)", Map.of()),
                rule("TM-11", Severity.BLOCK, "pharmacy: online prescribing (RX-13)", Map.of("guardianBelowAge", "6")),
                rule("TM-12", Severity.INFO, "audit: every consultation step is audited", Map.of()),
                rule("TM-13", Severity.WARN, "consultation: fees (not yet recorded)", Map.of()),
                rule("TM-14", Severity.INFO, "consultation: type code set", Map.of()),
                rule("TM-15", Severity.WARN, "consultation: CN-3 zone routing (not yet applied)", Map.of()),
                rule("TM-16", Severity.BLOCK, GATES, Map.of()));
    }

    private static Rule rule(String id, Severity severity, String source, Map<String, String> defaults) {
        return new NoDataRule(id, Pack.TM, severity, source, null, defaults);
    }
}
