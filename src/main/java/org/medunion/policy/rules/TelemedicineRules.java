package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * Rule pack TM, the national telemedicine rules (consultation.md §c). The gates are enforced by the consultation
 * module when a request is made or moved on (it reads every number here through {@code PolicyThresholds} and cites
 * the clause): over the registry snapshot those rules have nothing to evaluate and report nothing, like the RX pack.
 * TM-13 is evaluated from the consultation module's fees and price items ({@link TelemedicineFeePolicy}). The rules
 * whose data no module records yet (session participants, outcome codes, retention, internet follow-up, zone routing) report NO_DATA naming that source, so a planner never reads silence as compliance.
 * TM-4's deadlines are ISO-8601 durations per urgency, plus the second limit after which an unanswered request
 * expires; TM-5's {@code years} is the independent clinical practice an invited physician needs. Unverified
 * national numbers stay parameters (B8).
 */
final class TelemedicineRules {

    private TelemedicineRules() {
    }

    static List<Rule> all() {
        return List.of(
                enforced("TM-1", Severity.BLOCK, Map.of()),
                enforced("TM-2", Severity.BLOCK, Map.of()),
                enforced("TM-3", Severity.BLOCK, Map.of()),
                enforced("TM-4", Severity.WARN,
                        Map.of("routine", "PT24H", "urgent", "PT1H", "emergency", "PT10M", "expireAfter", "PT72H")),
                enforced("TM-5", Severity.BLOCK, Map.of("years", "3")),
                new InvitingPhysicianPolicy(),
                enforced("TM-7", Severity.BLOCK, Map.of()),
                noData("TM-8", Severity.INFO, "consultation: remote diagnosis outcome codes (not yet recorded)", Map.of()),
                noData("TM-9", Severity.INFO, "retention classes (not yet recorded)",
                        Map.of("outpatientYears", "15", "inpatientYears", "30", "processYears", "3")),
                noData("TM-10", Severity.BLOCK, "internet follow-up visits (no module yet)", Map.of()),
                enforced("TM-11", Severity.BLOCK, Map.of("guardianBelowAge", "6")),
                enforced("TM-12", Severity.INFO, Map.of()),
                new TelemedicineFeePolicy(),
                enforced("TM-14", Severity.INFO, Map.of("sessionMinutes", "30")),
                new ZoneRoutingPolicy(),
                enforced("TM-16", Severity.BLOCK, Map.of()));
    }

    private static Rule noData(String id, Severity severity, String source, Map<String, String> defaults) {
        return new NoDataRule(id, Pack.TM, severity, source, null, defaults);
    }

    /** Enforced where the work happens (consultation gates, pharmacy RX-13, the audit trail, the type code set). */
    private static Rule enforced(String id, Severity severity, Map<String, String> defaults) {
        return new EnforcedElsewhereRule(id, Pack.TM, severity, defaults);
    }
}
