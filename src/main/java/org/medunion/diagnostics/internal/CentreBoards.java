package org.medunion.diagnostics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreBoard;
import org.medunion.diagnostics.CentreBoard.CentreLine;
import org.medunion.diagnostics.CentreBoard.MemberUse;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DiagnosticsMeasures;
import org.medunion.diagnostics.QcView;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the centre dashboard: one grouped query over the consortium's centres' orders for the month (and the open ones
 * now), the reported orders' turnaround for the median, the members' decisions through {@link DiagnosticsMeasures}.
 * The office sees its own consortium, a planner those of the jurisdiction, the administrator any.
 */
@Component
class CentreBoards {

    private static final String OPEN = "'ORDERED', 'RECEIVED', 'IN_PROGRESS'";

    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final CentreStore centres;
    private final DiagnosticsMeasures measures;
    private final DiagnosticsAccess access;
    private final RegistryDirectory registry;
    private final DiagnosticsSettings settings;
    private final Clock clock;

    CentreBoards(JdbcClient jdbc, ReferenceData reference, CentreStore centres, DiagnosticsMeasures measures,
                 DiagnosticsAccess access, RegistryDirectory registry, DiagnosticsSettings settings, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.reference = reference;
        this.centres = centres;
        this.measures = measures;
        this.access = access;
        this.registry = registry;
        this.clock = clock;
    }

    /** The consortia the caller may open a board for; the office's own only. */
    List<ConsortiumView> choices() {
        CurrentUser user = access.caller();
        return centres.centres(null).stream().map(CentreStore.Row::consortiumId).distinct()
                .map(id -> registry.consortiumEntry(new ConsortiumId(id))).flatMap(Optional::stream)
                .filter(c -> allowed(user, c))
                .sorted(Comparator.comparing(ConsortiumView::name)).toList();
    }

    CentreBoard board(UUID consortiumId, YearMonth month) {
        CurrentUser user = access.caller();
        ConsortiumView consortium = registry.consortiumEntry(new ConsortiumId(consortiumId))
                .filter(c -> allowed(user, c)).orElseThrow(() -> DiagnosticsAccess.forbidden("consortium"));
        Instant from = month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        List<CentreView> mine = reference.centres(consortiumId);
        Map<UUID, long[]> counts = counts(mine, from, to);
        Map<UUID, List<Double>> hours = turnaround(mine, from, to);
        LocalDate today = LocalDate.now(clock);
        var lines = new ArrayList<CentreLine>();
        for (CentreView c : mine) {
            long[] n = counts.getOrDefault(c.id().value(), new long[5]);
            var qc = newestPerItem(centres.qc(c.institutionId()));
            long valid = qc.stream().filter(q -> q.passed() && q.covers(today)).count();
            lines.add(new CentreLine(c, n[0], n[1], n[2], median(hours.getOrDefault(c.id().value(), List.of())), n[3], n[4], valid,
                    qc.size() - valid));
        }
        var memberIds = consortium.members().stream().map(m -> m.institutionId().value()).collect(Collectors.toSet());
        var windows = memberIds.stream().map(m -> new InstitutionDays(m, month.atDay(1), month.plusMonths(1).atDay(1))).toList();
        return new CentreBoard(consortiumId, consortium.name(), month, settings.onTimeShare(consortium.districtCode()), lines,
                use(mine, memberIds, from, to),
                measures.decisions(windows));
    }

    private static boolean allowed(CurrentUser user, ConsortiumView c) {
        if (user.isAdmin()) {
            return true;
        }
        if (user.role() == Role.OFFICE) {
            return c.id().value().equals(user.scope().referenceId());
        }
        return user.role() == Role.PLANNER && user.scope().coversDivision(c.districtCode());
    }

    /** Per centre: ordered, reported, on time (in the month), open, overdue (now). */
    private Map<UUID, long[]> counts(List<CentreView> mine, Instant from, Instant to) {
        Map<UUID, long[]> out = new HashMap<>();
        if (mine.isEmpty()) {
            return out;
        }
        var params = new ArrayList<Object>(List.of(ts(from), ts(to), ts(from), ts(to), ts(from), ts(to), ts(clock.instant())));
        mine.forEach(c -> params.add(c.id().value()));
        jdbc.sql("""
                select centre_id,
                  sum(case when status <> 'CANCELLED' and ordered_at >= ? and ordered_at < ? then 1 else 0 end) ordered,
                  sum(case when status = 'REPORTED' and finished_at >= ? and finished_at < ? then 1 else 0 end) reported,
                  sum(case when status = 'REPORTED' and finished_at >= ? and finished_at < ? and finished_at <= due_at
                      then 1 else 0 end) on_time,
                  sum(case when status in (%1$s) then 1 else 0 end) open_now,
                  sum(case when status in (%1$s) and due_at < ? then 1 else 0 end) overdue
                from diagnostics_order where centre_id in (%2$s) group by centre_id"""
                .formatted(OPEN, String.join(", ", mine.stream().map(c -> "?").toList())))
                .params(params)
                .query(rs -> {
                    out.put(rs.getObject("centre_id", UUID.class), new long[] {rs.getLong("ordered"), rs.getLong("reported"),
                            rs.getLong("on_time"), rs.getLong("open_now"), rs.getLong("overdue")});
                });
        return out;
    }

    private Map<UUID, List<Double>> turnaround(List<CentreView> mine, Instant from, Instant to) {
        Map<UUID, List<Double>> out = new HashMap<>();
        if (mine.isEmpty()) {
            return out;
        }
        var params = new ArrayList<Object>(List.of(ts(from), ts(to)));
        mine.forEach(c -> params.add(c.id().value()));
        jdbc.sql("""
                select centre_id, ordered_at, finished_at from diagnostics_order
                 where status = 'REPORTED' and finished_at >= ? and finished_at < ? and centre_id in (%s)"""
                .formatted(String.join(", ", mine.stream().map(c -> "?").toList())))
                .params(params)
                .query(rs -> {
                    double h = Duration.between(rs.getTimestamp("ordered_at").toInstant(), rs.getTimestamp("finished_at").toInstant())
                            .toMinutes() / 60.0;
                    out.computeIfAbsent(rs.getObject("centre_id", UUID.class), k -> new ArrayList<>()).add(h);
                });
        return out;
    }

    /** Orders of the month to the consortium's centres by ordering institution; every member listed, busiest first. */
    private List<MemberUse> use(List<CentreView> mine, Set<UUID> members, Instant from, Instant to) {
        Map<UUID, Long> by = new HashMap<>();
        members.forEach(m -> by.put(m, 0L));
        if (!mine.isEmpty()) {
            var params = new ArrayList<Object>(List.of(ts(from), ts(to)));
            mine.forEach(c -> params.add(c.id().value()));
            jdbc.sql("""
                    select ordering_institution_id, count(*) n from diagnostics_order
                     where status <> 'CANCELLED' and ordered_at >= ? and ordered_at < ? and centre_id in (%s)
                     group by ordering_institution_id""".formatted(String.join(", ", mine.stream().map(c -> "?").toList())))
                    .params(params)
                    .query(rs -> {
                        by.put(rs.getObject("ordering_institution_id", UUID.class), rs.getLong("n"));
                    });
        }
        return by.entrySet().stream().map(e -> {
            var view = registry.institutionEntry(new InstitutionId(e.getKey()));
            return new MemberUse(e.getKey(), view.map(InstitutionView::name).orElse("—"),
                    view.map(InstitutionView::isPrimary).orElse(false),
                    e.getValue());
        }).sorted(Comparator.comparingLong(MemberUse::orders).reversed().thenComparing(MemberUse::name)).toList();
    }

    /** The newest record of each item (the list is newest first per item). */
    private static List<QcView> newestPerItem(List<QcView> qc) {
        Map<String, QcView> newest = new TreeMap<>();
        qc.forEach(q -> newest.putIfAbsent(q.itemCode(), q));
        return List.copyOf(newest.values());
    }

    private static @Nullable Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
