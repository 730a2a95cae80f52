package org.medunion.indicators.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code indicators_month} (decision 0266): the sums of the day rows per institution, calendar month and
 * primary-care flag, for the <em>closed</em> months only (those listed in {@code indicators_month_closed}). A month is
 * closed once it is over ({@link #close}); from then on every refresh of one of its days recomputes the month rows
 * of the touched institutions in the same transaction ({@link #recompute(Collection, Collection, Instant)}), so a
 * dashboard reads whole closed months from here and only the open month and the edge days from the day rows. The day of
 * new encounters, the common case, is in the open month and pays nothing for the month rows. Public (not a bean) for
 * the same reason as {@link DayRollups}.
 */
public final class MonthRollups {

    /**
     * The advisory-lock class of a closed month's recompute ({@code pg_advisory_xact_lock(class, epoch day of the 1st)}),
     * taken after the day locks: two refreshes of different days of one closed month recompute its rows one after the
     * other, so the second sees the first's day rows.
     */
    static final int MONTH_LOCK = 0x4D550012;

    private static final String MONTH = "cast(date_trunc('month', local_day) as date)";

    private static final String INSERT = """
            insert into indicators_month (institution_id, month_start, primary_care, visits, discharges, bed_days, operations,
                                          level4_operations, drg_weight_sum, drg_discharges, source_records, computed_at)
            select institution_id, %s, primary_care, sum(visits), sum(discharges), sum(bed_days), sum(operations),
                   sum(level4_operations), sum(drg_weight_sum), sum(drg_discharges), sum(source_records), max(computed_at)
            from indicators_day where local_day >= ? and local_day < ?%%s
            group by institution_id, %s, primary_care""".formatted(MONTH, MONTH);

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public MonthRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = DayRollups.isPostgres(jdbc);
    }

    /** The closed months (their first days), oldest first. */
    public Set<LocalDate> closed() {
        return new TreeSet<>(jdbc.queryForList("select month_start from indicators_month_closed", LocalDate.class));
    }

    /** The months before {@code current} that have day rows and are not closed yet, oldest first. */
    public List<LocalDate> toClose(LocalDate current) {
        var open = new TreeSet<>(jdbc.queryForList("select distinct " + MONTH + " from indicators_day where local_day < ?",
                LocalDate.class, current.withDayOfMonth(1)));
        open.removeAll(closed());
        return List.copyOf(open);
    }

    /**
     * Closes a month: its rows written from its day rows while its days' locks keep refreshes of them out (call it in a
     * transaction of its own). False when it was closed already, by another instance meanwhile.
     */
    public boolean close(LocalDate month, Instant now) {
        if (postgres) {
            DayRollups.lockDays(jdbc, month.datesUntil(month.plusMonths(1)).toList());
        }
        if (closed().contains(month)) {
            return false;
        }
        jdbc.update("delete from indicators_month where month_start = ?", month);
        jdbc.update(INSERT.formatted(""), month, month.plusMonths(1));
        jdbc.update("insert into indicators_month_closed (month_start, closed_at) values (?, ?)", month, now.atOffset(ZoneOffset.UTC));
        return true;
    }

    /**
     * After a refresh of {@code days}: the rows of the closed months among them, for the touched institutions, recomputed
     * from their day rows (a month of day rows per institution). Nothing when no touched day is in a closed month.
     */
    void recompute(Collection<LocalDate> days, Collection<UUID> institutions) {
        var months = new TreeSet<LocalDate>();
        days.forEach(d -> months.add(d.withDayOfMonth(1)));
        months.retainAll(closed());
        if (months.isEmpty() || institutions.isEmpty()) {
            return;
        }
        if (postgres) {
            var epochDays = months.stream().map(m -> Math.toIntExact(m.toEpochDay())).toArray(Integer[]::new);
            jdbc.query(con -> {
                var ps = con
                        .prepareStatement("select 1 from (select pg_advisory_xact_lock(?, d) from unnest(cast(? as integer[])) as d) l");
                ps.setInt(1, MONTH_LOCK);
                ps.setArray(2, con.createArrayOf("integer", epochDays));
                return ps;
            }, (rs, n) -> n);
        }
        var ids = List.copyOf(institutions);
        for (LocalDate month : months) {
            for (int from = 0; from < ids.size(); from += DayRollups.CHUNK) {
                var chunk = ids.subList(from, Math.min(ids.size(), from + DayRollups.CHUNK));
                String in = " and institution_id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                var params = new ArrayList<Object>();
                params.add(Date.valueOf(month));
                params.addAll(chunk);
                jdbc.update("delete from indicators_month where month_start = ?" + in, params.toArray());
                params.add(1, Date.valueOf(month.plusMonths(1))); // the insert reads the month's days [start, end)
                jdbc.update(INSERT.formatted(in), params.toArray());
            }
        }
    }

    /** After a full recompute of the days [from, to): the rows of every closed month they touch, from their day rows. */
    void recompute(LocalDate from, LocalDate to) {
        for (LocalDate month : closed()) {
            if (month.isBefore(to) && month.plusMonths(1).isAfter(from)) {
                jdbc.update("delete from indicators_month where month_start = ?", month);
                jdbc.update(INSERT.formatted(""), month, month.plusMonths(1));
            }
        }
    }
}
