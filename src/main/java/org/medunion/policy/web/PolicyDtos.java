package org.medunion.policy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.internal.Checklist;
import org.medunion.policy.internal.ComplianceReport;
import org.medunion.policy.internal.PolicyService;
import org.medunion.policy.internal.StoredFinding;
import org.medunion.policy.rules.Clauses;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.Rule;

/** JSON shapes of the policy API. */
final class PolicyDtos {

    private PolicyDtos() {
    }

    record RuleDto(String id, String pack, String severity, String coverage, String title, String clause, String source,
                   Map<String, String> defaults) {

        static RuleDto of(Rule r, String title) {
            return new RuleDto(r.id(), r.pack().name(), r.severity().name(), r.coverage().name(), title, r.clause(), Clauses.source(r.id()),
                    new TreeMap<>(r.defaults()));
        }
    }

    record FindingDto(@Nullable UUID id, String ruleId, String pack, String severity, String status, String subjectType, String subjectKey,
                      String subjectName, @Nullable String divisionCode, @Nullable UUID consortiumId, String message, String evidence,
                      List<String> objects,
                      Instant firstSeen, Instant lastSeen, @Nullable Instant resolvedAt, @Nullable String overrideReason, String messageKey,
                      List<String> codes, @Nullable LocalDate asOf) {

        /** {@code reasons}: {@link PolicyService#overrideReasons()}, read once per response. */
        static FindingDto of(StoredFinding f, PolicyService service, Map<String, String> reasons) {
            return new FindingDto(f.id(), f.ruleId(), f.pack().name(), f.severity().name(), f.state(), f.subjectType().name(),
                    f.subjectKey(), f.subjectName(), f.divisionCode(), f.consortiumId(), service.message(f), service.evidence(f),
                    f.objects(),
                    f.firstSeen(), f.lastSeen(), f.resolvedAt(), f.status() == FindingStatus.OVERRIDDEN ? reasons.get(f.key()) : null,
                    f.messageKey(), service.codes(f), f.asOf());
        }
    }

    record RuleReportDto(String ruleId, String pack, String severity, String coverage, String title, String clause, String status,
                         List<FindingDto> findings) {
    }

    record ComplianceDto(String subjectType, String subjectKey, String subjectName, List<String> packs, Instant generatedAt,
                         LocalDate asOf, Map<String, Long> counts, List<RuleReportDto> rules) {

        static ComplianceDto of(ComplianceReport r, PolicyService service) {
            Map<String, String> reasons = service.overrideReasons();
            List<RuleReportDto> rules = r.rules().stream().map(rr -> new RuleReportDto(rr.rule().id(), rr.rule().pack().name(),
                    rr.rule().severity().name(), rr.rule().coverage().name(), rr.title(), rr.rule().clause(), rr.status(),
                    rr.findings().stream().map(f -> FindingDto.of(f, service, reasons)).toList())).toList();
            Map<String, Long> counts = new TreeMap<>();
            rules.forEach(x -> counts.merge(x.status(), 1L, Long::sum));
            return new ComplianceDto(r.subjectType(), r.subjectKey(), r.subjectName(), r.packs().stream().map(Enum::name).toList(),
                    r.generatedAt(), r.asOf(), counts, rules);
        }
    }

    record PackChoice(List<String> packs) {
    }

    record ParameterOverrideRequest(String jurisdiction, String ruleId, String parameter, String value, String reason) {
    }

    record ManualEvidenceRequest(String criterion, String text) {
    }

    record ChecklistItemDto(String criterion, String dimension, String title, String clause, String status, String evidence,
                            List<ManualDto> manualEvidence) {
    }

    record ManualDto(String text, String author, Instant recordedAt) {
    }

    record ChecklistDto(UUID consortiumId, String consortiumName, boolean tight, List<ChecklistItemDto> items) {

        static ChecklistDto of(Checklist c, PolicyService service) {
            return new ChecklistDto(c.consortiumId(), c.consortiumName(), c.tight(), c.items().stream().map(i -> new ChecklistItemDto(
                    i.criterion().id(), i.criterion().dimension(), i.title(), i.criterion().clause(), i.status().name(),
                    service.text(i.evidence()),
                    i.manual().stream().map(m -> new ManualDto(m.text(), m.createdBy(), m.createdAt())).toList())).toList());
        }
    }
}
