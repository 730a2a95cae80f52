package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one query behind every encounter indicator value: the day rows of a subject's institutions, each over its own days,
 * summed (whole closed months from their month rows). Public (not a bean) so that the P-3 dashboard benchmark times exactly this query; {@link IndicatorQueries}
 * owns the instance the application uses.
 */
public final class DaySums {

    /** One institution's days [from, to). */
    public record Window(UUID institution, LocalDate from, LocalDate to) {
    }

    /** The sums of the day rows; {@code computedAt} is the newest recomputation among them (null: none). */
    public record Sums(long visits, long primaryVisits, long discharges, long bedDays, long operations, long level4,
                       BigDecimal drgWeight, long drgDischarges, @Nullable Instant computedAt) {

        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, null);
    }

    private final JdbcClient jdbc;

    public DaySums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sums over the windows; {@code hospitalsOnly} leaves the primary-care institutions out. Whole closed months
     * are read from their month rows ({@link MonthRollups}, decision 0266), every other day from its day row.
     */
    public Sums sums(List<Window> windows, boolean hospitalsOnly) {
        if (windows.isEmpty()) {
            return Sums.NONE;
        }
        var closed = new HashSet<>(jdbc.sql("select month_start from indicators_month_closed").query(LocalDate.class).list());
        var days = new ArrayList<Window>();
        var months = new ArrayList<Window>();
        windows.forEach(w -> split(w, closed, days, months));
        var params = new ArrayList<Object>();
        var parts = new ArrayList<String>();
        String hospitals = hospitalsOnly ? " and primary_care = false" : "";
        if (!days.isEmpty()) {
            var where = new StringBuilder();
            clause(days, "local_day", where, params);
            parts.add("select " + PARTS + " from indicators_day where (" + where + ")" + hospitals);
        }
        if (!months.isEmpty()) {
            var where = new StringBuilder();
            clause(months, "month_start", where, params);
            parts.add("select " + PARTS + " from indicators_month where (" + where + ")" + hospitals);
        }
        return jdbc.sql("""
                select coalesce(sum(visits), 0) v, coalesce(sum(case when primary_care then visits else 0 end), 0) pv,
                       coalesce(sum(discharges), 0) d, coalesce(sum(bed_days), 0) bd, coalesce(sum(operations), 0) o,
                       coalesce(sum(level4_operations), 0) o4, coalesce(sum(drg_weight_sum), 0) w,
                       coalesce(sum(drg_discharges), 0) wd, max(computed_at) c
                from (""" + String.join(" union all ", parts) + ") r")
                .params(params)
                .query((rs, n) -> {
                    Timestamp c = rs.getTimestamp("c");
                    return new Sums(rs.getLong("v"), rs.getLong("pv"), rs.getLong("d"), rs.getLong("bd"), rs.getLong("o"),
                            rs.getLong("o4"), rs.getBigDecimal("w"), rs.getLong("wd"), c == null ? null : c.toInstant());
                }).single();
    }

    private static final String PARTS = """
            primary_care, visits, discharges, bed_days, operations, level4_operations, drg_weight_sum, drg_discharges,
            computed_at""";

    /**
     * A window cut at month boundaries: each whole closed month goes to {@code months} (as the months' first days
     * [from, to)), every other stretch to {@code days}; neighbouring pieces of one kind are joined.
     */
    static void split(Window w, Set<LocalDate> closed, List<Window> days, List<Window> months) {
        LocalDate start = w.from();
        while (start.isBefore(w.to())) {
            LocalDate month = start.withDayOfMonth(1);
            LocalDate next = month.plusMonths(1);
            LocalDate end = next.isAfter(w.to()) ? w.to() : next;
            boolean whole = start.equals(month) && end.equals(next) && closed.contains(month);
            append(whole ? months : days, new Window(w.institution(), whole ? month : start, whole ? next : end));
            start = end;
        }
    }

    private static void append(List<Window> list, Window piece) {
        int last = list.size() - 1;
        if (last >= 0 && list.get(last).institution().equals(piece.institution()) && list.get(last).to().equals(piece.from())) {
            list.set(last, new Window(piece.institution(), list.get(last).from(), piece.to()));
        } else {
            list.add(piece);
        }
    }

    /** ICD-10 categories of the chronic diseases counted by I-12's part: hypertension (I10–I15), diabetes (E10–E14). */
    static final String CHRONIC_CATEGORIES = "'I10', 'I11', 'I12', 'I13', 'I15', 'E10', 'E11', 'E12', 'E13', 'E14'";

    /**
     * I-12's part and CQ-4: the outpatient and emergency visits over the windows (the caller passes its tertiary
     * hospitals'), and of them those whose principal diagnosis is a chronic category ({@link #CHRONIC_CATEGORIES}).
     */
    public long[] chronicVisits(List<Window> windows) {
        if (windows.isEmpty()) {
            return new long[] {0, 0};
        }
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        clause(windows, "local_day", where, params);
        return jdbc.sql("""
                select count(*) v, coalesce(sum(case when substr(principal_diagnosis, 1, 3) in (%s) then 1 else 0 end), 0) c
                from indicators_encounter where kind <> 'INPATIENT' and (""".formatted(CHRONIC_CATEGORIES) + where + ")")
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong("c"), rs.getLong("v")}).single();
    }

    /**
     * {@code (institution_id in (?, …) and day >= ? and day < ?) or …} with its parameters: one branch per distinct span,
     * holding every institution with that span. A district's year is one branch of 180 institutions, not 180 branches:
     * over twelve monthly partitions the 180-way OR cost more to plan than the rows cost to read (p95 209 ms, docs
     * /benchmarks.md).
     */
    static void clause(List<Window> windows, String dayColumn, StringBuilder where, List<Object> params) {
        Map<List<LocalDate>, List<UUID>> bySpan = new LinkedHashMap<>();
        windows.forEach(w -> bySpan.computeIfAbsent(List.of(w.from(), w.to()), k -> new ArrayList<>()).add(w.institution()));
        String or = "";
        for (var span : bySpan.entrySet()) {
            where.append(or).append("(institution_id in (").append(String.join(", ", Collections.nCopies(span.getValue().size(), "?")))
                    .append(") and ").append(dayColumn).append(" >= ? and ").append(dayColumn).append(" < ?)");
            params.addAll(span.getValue());
            params.add(span.getKey().get(0));
            params.add(span.getKey().get(1));
            or = " or ";
        }
    }
}
