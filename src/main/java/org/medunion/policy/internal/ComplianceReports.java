package org.medunion.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.policy.internal.ComplianceReport.RuleReport;
import org.medunion.policy.rules.Coverage;
import org.medunion.policy.rules.Divisions;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.NationalCriterion;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.Severity;
import org.medunion.policy.rules.SubjectType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Compliance reports of a consortium or a jurisdiction: every rule of the packs that apply there, with a status and
 * the findings behind it — stored ones for today, evaluated ones for another day.
 */
@Component
class ComplianceReports {

    private final RuleCatalogue catalogue;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final PolicyEvaluation evaluation;
    private final PolicyScope scope;
    private final PolicyMessages messages;
    private final Clock clock;

    ComplianceReports(RuleCatalogue catalogue, SnapshotFactory snapshots, PolicyStore store, PolicyEvaluation evaluation,
                      PolicyScope scope, PolicyMessages messages, Clock clock) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.store = store;
        this.evaluation = evaluation;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code asOf}: null or today → the stored findings; another day → evaluated for that day. */
    ComplianceReport consortiumReport(UUID consortiumId, @Nullable LocalDate asOf) {
        CurrentUser u = scope.readableBy();
        ConsortiumView c = snapshots.consortium(new ConsortiumId(consortiumId))
                .orElseThrow(() -> new NotFoundException("Consortium", consortiumId));
        if (!scope.mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        Set<Pack> packs = packsFor(c.districtCode());
        LocalDate today = today();
        LocalDate day = asOf == null ? today : asOf;
        boolean stored = day.equals(today);
        List<StoredFinding> findings = stored ? store.findingsOfConsortium(consortiumId)
                : evaluation.findingsAsOf(day).stream().filter(f -> f.concerns(consortiumId)).toList();
        return new ComplianceReport("CONSORTIUM", consortiumId.toString(), c.name(), packs, clock.instant(), day,
                report(packs, findings, NationalCriterion.tightGroup(c)));
    }

    ComplianceReport jurisdictionReport(@Nullable String code, @Nullable LocalDate asOf) {
        CurrentUser u = scope.readableBy();
        if (!Divisions.valid(code)) {
            throw new InvalidInputException("code", PolicyError.INVALID_JURISDICTION, code);
        }
        Objects.requireNonNull(code, "Divisions.valid refuses null");
        if (u.role() == Role.OFFICE || !u.scope().coversDivision(code)) {
            throw new ForbiddenException(PolicyError.OUT_OF_SCOPE, code);
        }
        Set<Pack> packs = packsFor(code);
        // a jurisdiction-wide finding of a covering jurisdiction (the city's NO_DATA for SH-15) holds for the district too
        LocalDate today = today();
        LocalDate day = asOf == null ? today : asOf;
        boolean stored = day.equals(today);
        List<StoredFinding> findings = (stored ? store.findings(true) : evaluation.findingsAsOf(day)).stream()
                .filter(f -> Divisions.covers(code, f.divisionCode())
                        || (f.subjectType() == SubjectType.JURISDICTION && Divisions.covers(f.divisionCode(), code)))
                .toList();
        String name = snapshots.districtName(code);
        boolean tightGroups = snapshots.allConsortia().stream().anyMatch(c -> NationalCriterion.tightGroup(c)
                && Divisions.covers(code, c.districtCode()));
        return new ComplianceReport("JURISDICTION", code, name, packs, clock.instant(), day,
                report(packs, findings, tightGroups));
    }

    /** Packs applying to a division: those of every jurisdiction covering it (city and district). */
    Set<Pack> packsFor(String division) {
        Set<Pack> out = EnumSet.noneOf(Pack.class);
        store.packJurisdictions().forEach((pack, js) -> {
            if (js.stream().anyMatch(j -> Divisions.covers(j, division) || Divisions.covers(division, j))) {
                out.add(pack);
            }
        });
        return out;
    }

    /** {@code tightGroups}: whether the subject has a tight urban group to assess the NAT criteria on. */
    private List<RuleReport> report(Set<Pack> packs, List<StoredFinding> findings, boolean tightGroups) {
        Map<String, List<StoredFinding>> byRule = new LinkedHashMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        List<RuleReport> out = new ArrayList<>();
        for (Rule r : catalogue.rules()) {
            if (!packs.contains(r.pack())) {
                continue;
            }
            List<StoredFinding> fs = byRule.getOrDefault(r.id(), List.of()).stream()
                    .sorted(Comparator.comparing(StoredFinding::resolved).thenComparing(StoredFinding::firstSeen)).toList();
            out.add(new RuleReport(r, messages.title(r.id()), status(r, fs.stream().filter(f -> !f.resolved()).toList(), tightGroups), fs));
        }
        return out;
    }

    /** A rule's status in a report from its current findings. */
    private static String status(Rule r, List<StoredFinding> current, boolean tightGroups) {
        if (current.stream().anyMatch(f -> f.status() == FindingStatus.OPEN)) {
            return r.severity() == Severity.BLOCK ? "VIOLATED" : "WARNING";
        }
        if (current.stream().anyMatch(f -> f.status() == FindingStatus.OVERRIDDEN)) {
            return "OVERRIDDEN";
        }
        if (r instanceof NationalCriterion && !tightGroups) {
            // the checklist assesses tight urban groups only: with none there is nothing that passes
            return "NOT_APPLICABLE";
        }
        if (current.stream().anyMatch(f -> f.status() == FindingStatus.NO_DATA)
                || r.coverage() == Coverage.NO_DATA || r.coverage() == Coverage.MANUAL) {
            // a rule the platform cannot check is never shown as passing (符合), findings or not
            return "NO_DATA";
        }
        return "PASS";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
