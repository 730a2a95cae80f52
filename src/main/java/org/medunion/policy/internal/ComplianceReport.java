package org.medunion.policy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Rule;

/** A compliance report: each rule of the applicable packs with its status and findings (resolved ones included, flagged). */
public record ComplianceReport(String subjectType, String subjectKey, String subjectName, Set<Pack> packs, Instant generatedAt,
                               LocalDate asOf, List<RuleReport> rules) {

    /** A rule with its status in a report and the findings behind it. */
    public record RuleReport(Rule rule, String title, String status, List<StoredFinding> findings) {
    }
}
