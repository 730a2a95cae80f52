package org.medunion.diagnostics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DiagnosticsMeasures;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link DiagnosticsMeasures} straight from the decision, order and QC tables: aggregate SQL, no rows leave as such. */
@Service
@Transactional(readOnly = true)
class DiagnosticsMeasuresService implements DiagnosticsMeasures {

    private final JdbcClient jdbc;
    private final CatalogueStore catalogue;
    private final Clock clock;

    DiagnosticsMeasuresService(JdbcClient jdbc, CatalogueStore catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public Decisions decisions(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new Decisions(0, 0, Map.of(), BigDecimal.ZERO, Set.of(), Set.of(), null);
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "ordering_institution_id", "decided_at", clock.getZone(), params);
        long[] counts = new long[2];
        BigDecimal[] avoided = {BigDecimal.ZERO};
        Map<String, Long> reasons = new HashMap<>();
        Set<UUID> recognising = new HashSet<>();
        Set<String> items = new HashSet<>();
        Instant[] newest = {null};
        jdbc.sql("""
                select ordering_institution_id, item_code, outcome, reason_code, count(*) n, sum(avoided_price) avoided,
                       max(decided_at) newest
                  from diagnostics_decision where %s
                 group by ordering_institution_id, item_code, outcome, reason_code""".formatted(where))
                .params(params)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (DecisionOutcome.RECOGNISED.name().equals(rs.getString("outcome"))) {
                        counts[0] += n;
                        avoided[0] = avoided[0].add(rs.getBigDecimal("avoided"));
                        recognising.add(rs.getObject("ordering_institution_id", UUID.class));
                        items.add(rs.getString("item_code"));
                    } else {
                        counts[1] += n;
                        String reason = rs.getString("reason_code");
                        reasons.merge(reason == null ? "" : reason, n, Long::sum);
                    }
                    newest[0] = later(newest[0], rs.getTimestamp("newest"));
                });
        return new Decisions(counts[0], counts[1], reasons, avoided[0], recognising, items, newest[0]);
    }

    @Override
    public CentreWork centreWork(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new CentreWork(Map.of(), 0, 0, null);
        }
        var params = new ArrayList<Object>();
        String ordered = InstitutionDays.where(windows, "c.institution_id", "o.ordered_at", clock.getZone(), params);
        Map<UUID, Long> by = new HashMap<>();
        Instant[] newest = {null};
        jdbc.sql("""
                select o.ordering_institution_id, count(*) n, max(o.ordered_at) newest
                  from diagnostics_order o join diagnostics_centre c on c.id = o.centre_id
                 where o.status <> 'CANCELLED' and (%s)
                 group by o.ordering_institution_id""".formatted(ordered))
                .params(params)
                .query(rs -> {
                    by.put(rs.getObject("ordering_institution_id", UUID.class), rs.getLong("n"));
                    newest[0] = later(newest[0], rs.getTimestamp("newest"));
                });
        var reportParams = new ArrayList<Object>();
        String reported = InstitutionDays.where(windows, "c.institution_id", "o.finished_at", clock.getZone(), reportParams);
        long[] done = new long[2];
        jdbc.sql("""
                select count(*) n, coalesce(sum(case when o.finished_at <= o.due_at then 1 else 0 end), 0) on_time,
                       max(o.finished_at) newest
                  from diagnostics_order o join diagnostics_centre c on c.id = o.centre_id
                 where o.status = 'REPORTED' and (%s)""".formatted(reported))
                .params(reportParams)
                .query(rs -> {
                    done[0] = rs.getLong("n");
                    done[1] = rs.getLong("on_time");
                    newest[0] = later(newest[0], rs.getTimestamp("newest"));
                });
        return new CentreWork(by, done[0], done[1], newest[0]);
    }

    @Override
    public List<CountedDecision> decisionRecords(List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "d.ordering_institution_id", "d.decided_at", clock.getZone(), params);
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("""
                select i.name, d.ordering_institution_id, d.decided_at, d.outcome, d.reason_code, d.avoided_price
                  from diagnostics_decision d join diagnostics_item i on i.code = d.item_code
                 where %s order by d.decided_at desc, d.id limit ?""".formatted(where))
                .params(params)
                .query((rs, n) -> new CountedDecision(rs.getString("name"), rs.getObject("ordering_institution_id", UUID.class),
                        rs.getTimestamp("decided_at").toInstant(), DecisionOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason_code"), rs.getBigDecimal("avoided_price")))
                .list();
    }

    @Override
    public List<CountedOrder> orderRecords(CountedOrders which, List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = which == CountedOrders.PLACED
                ? "o.status <> 'CANCELLED' and ("
                        + InstitutionDays.where(windows, "c.institution_id", "o.ordered_at", clock.getZone(), params) + ")"
                : "o.status = 'REPORTED' and ("
                        + InstitutionDays.where(windows, "c.institution_id", "o.finished_at", clock.getZone(), params) + ")";
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("""
                select i.name, o.ordering_institution_id, c.institution_id centre_institution, o.ordered_at, o.due_at,
                       case when o.status = 'REPORTED' then o.finished_at end reported_at, o.urgent
                  from diagnostics_order o join diagnostics_centre c on c.id = o.centre_id
                  join diagnostics_item i on i.code = o.item_code
                 where %s order by coalesce(o.finished_at, o.ordered_at) desc, o.id limit ?""".formatted(where))
                .params(params)
                .query((rs, n) -> new CountedOrder(rs.getString("name"), rs.getObject("ordering_institution_id", UUID.class),
                        rs.getObject("centre_institution", UUID.class), rs.getTimestamp("ordered_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(), optional(rs.getTimestamp("reported_at")), rs.getBoolean("urgent")))
                .list();
    }

    private static @Nullable Instant optional(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public ItemCoverage itemCoverage(String divisionCode, Set<UUID> institutions, LocalDate day) {
        var items = coveredItems(divisionCode, institutions, day, Integer.MAX_VALUE);
        return new ItemCoverage(items.size(), items.stream().filter(CoveredItem::qualified).count(),
                items.stream().map(CoveredItem::itemCode).collect(Collectors.toSet()));
    }

    /** One row per item of the list in force; the value and the record list are both read from here. */
    @Override
    public List<CoveredItem> coveredItems(String divisionCode, Set<UUID> institutions, LocalDate day, int limit) {
        var list = catalogue.listInForce(ReferenceData.jurisdictionsOf(divisionCode), day);
        if (list.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        params.add(Date.valueOf(day));
        params.add(Date.valueOf(day));
        params.addAll(institutions);
        params.add(list.get());
        params.add(Math.max(1, limit));
        String holders = institutions.isEmpty() ? "1 = 0"
                : "q.institution_id in (" + String.join(", ", institutions.stream().map(i -> "?").toList()) + ")";
        return jdbc.sql("""
                select e.item_code, i.name, count(distinct q.institution_id) holders, max(q.valid_until) valid_until
                  from diagnostics_list_entry e join diagnostics_item i on i.code = e.item_code
                  left join diagnostics_qc q on q.item_code = e.item_code and q.passed and q.valid_from <= ?
                       and q.valid_until >= ? and %s
                 where e.list_id = ?
                 group by e.item_code, i.name
                 order by case when count(q.institution_id) > 0 then 0 else 1 end, e.item_code
                 limit ?""".formatted(holders))
                .params(params)
                .query((rs, n) -> new CoveredItem(rs.getString("item_code"), rs.getString("name"), rs.getLong("holders"),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Timestamp b) {
        if (b == null) {
            return a;
        }
        Instant i = b.toInstant();
        return a == null || i.isAfter(a) ? i : a;
    }
}
