package org.medunion.diagnostics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreOverview;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.RegistryDirectory;
import org.springframework.stereotype.Component;

/** The office's overview: its centres' orders and turnaround, its members' recognition decisions and avoided cost. */
@Component
class CentreDashboard {

    private final OrderStore orders;
    private final CentreStore centres;
    private final ResultStore results;
    private final DiagnosticsAccess access;
    private final RegistryDirectory registry;
    private final Clock clock;

    CentreDashboard(OrderStore orders, CentreStore centres, ResultStore results, DiagnosticsAccess access,
                    RegistryDirectory registry, Clock clock) {
        this.orders = orders;
        this.centres = centres;
        this.results = results;
        this.access = access;
        this.registry = registry;
        this.clock = clock;
    }

    CentreOverview overview(@Nullable UUID consortium) {
        CurrentUser user = access.caller();
        UUID scope;
        if (user.role() == Role.OFFICE) {
            scope = user.scope().referenceId();
            if (scope == null || consortium != null && !consortium.equals(scope)) {
                throw DiagnosticsAccess.forbidden("overview");
            }
        } else if (user.isAdmin() || user.role() == Role.PLANNER) {
            scope = consortium;
        } else {
            throw DiagnosticsAccess.forbidden("overview");
        }
        List<UUID> centreIds = centres.centres(scope).stream().map(c -> c.id().value()).toList();
        var rows = centreIds.isEmpty() ? List.<OrderStore.Row>of() : orders.list(null, centreIds, null, 500);
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        Instant now = clock.instant();
        long overdue = 0;
        double hours = 0;
        int reported = 0;
        for (var r : rows) {
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.status().open() && r.dueAt().isBefore(now)) {
                overdue++;
            }
            if (r.status() == OrderStatus.REPORTED && r.finishedAt() != null) {
                hours += Duration.between(r.orderedAt(), r.finishedAt()).toMinutes() / 60.0;
                reported++;
            }
        }
        List<DecisionView> decisions = results.decisionsBy(scope == null ? null : members(scope));
        long recognitions = 0;
        Map<String, Long> reasons = new TreeMap<>();
        BigDecimal avoided = BigDecimal.ZERO;
        for (DecisionView d : decisions) {
            if (d.outcome() == DecisionOutcome.RECOGNISED) {
                recognitions++;
                avoided = avoided.add(d.avoidedPrice());
            } else if (d.reasonCode() != null) {
                reasons.merge(d.reasonCode(), 1L, Long::sum);
            }
        }
        long reexaminations = decisions.size() - recognitions;
        return new CentreOverview(byStatus, overdue, reported == 0 ? 0 : hours / reported, recognitions, reexaminations, reasons,
                avoided);
    }

    private List<UUID> members(UUID consortium) {
        Set<UUID> out = new HashSet<>();
        registry.consortiumEntry(new ConsortiumId(consortium))
                .ifPresent(c -> c.members().forEach(m -> out.add(m.institutionId().value())));
        return new ArrayList<>(out);
    }
}
