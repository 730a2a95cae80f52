package org.medunion.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.policy.rules.DispatchQualificationReportPolicy;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * SH-12's report: the list and qualifications of the managers and experts a municipal hospital has dispatched long-term
 * (≥ 2 years, parameter {@code years}) to the district hospital it holds in trusteeship, addressed to the dispatching
 * hospitals' owner bodies and the municipal commission. Read in the caller's scope (office: own consortium).
 */
@Component
public class DispatchReports {

    /** The report of one consortium on a day. */
    public record DispatchReport(UUID consortiumId, String consortiumName, LocalDate asOf, int minYears, List<String> ownerBodies,
                                 List<DispatchQualificationReportPolicy.Line> lines) {
    }

    private final RuleCatalogue catalogue;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final PolicyScope scope;
    private final Clock clock;

    DispatchReports(RuleCatalogue catalogue, SnapshotFactory snapshots, PolicyStore store, PolicyScope scope, Clock clock) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.store = store;
        this.scope = scope;
        this.clock = clock;
    }

    DispatchReport report(UUID consortiumId, LocalDate asOf) {
        CurrentUser u = scope.readableBy();
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        RegistrySnapshot s = snapshots.build(day);
        ConsortiumView c = s.consortium(new ConsortiumId(consortiumId));
        if (c == null || !scope.mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        var rule = (DispatchQualificationReportPolicy) catalogue.rule("SH-12").orElseThrow();
        var parameters = store.parameters();
        var lines = rule.report(s, c, parameters);
        List<String> owners = s.activeDispatches(c.id()).stream().map(d -> s.institution(d.fromInstitutionId())).filter(Objects::nonNull)
                .map(i -> i.ownerBody()).filter(o -> o != null && !o.isBlank()).distinct().sorted().toList();
        return new DispatchReport(consortiumId, c.name(), day, parameters.intValue(rule, "years", c.districtCode()), owners, lines);
    }
}
