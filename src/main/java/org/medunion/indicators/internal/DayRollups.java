package org.medunion.indicators.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Writes {@code indicators_day} from the facts, set-wise (decisions 0248, 0263). On PostgreSQL a refresh of a day's
 * touched institutions takes the day's advisory lock, deletes their rows and inserts the day's facts (one partition)
 * aggregated for the institutions given as an array, so a touched institution left without facts loses its row; a full recompute empties the
 * whole months of its range by {@code truncate} of their {@code indicators_day} partitions (the edge days by delete) and
 * writes the range with one aggregate. On H2 (one table each) a refresh is one delete and one aggregate per day and
 * {@value #CHUNK} institutions, a recompute one delete and one aggregate. Public (not a bean) so that the P-3 / P-4
 * benchmark runs exactly this code against its own database; the ingest owns the instance it uses.
 */
public final class DayRollups {

    static final int CHUNK = 500;

    /** The day row's columns after institution, day and primary-care flag: one aggregate over a group of facts. */
    static final String SUMS = """
            coalesce(sum(case when e.kind = 'INPATIENT' then 0 else 1 end), 0),
            coalesce(sum(case when e.kind = 'INPATIENT' then 1 else 0 end), 0),
            coalesce(sum(e.bed_days), 0), coalesce(sum(e.operations), 0), coalesce(sum(e.level4_operations), 0),
            coalesce(sum(e.drg_weight), 0), count(e.drg_weight), count(*)""";

    private static final String COLUMNS = """
            institution_id, local_day, primary_care, visits, discharges, bed_days, operations, level4_operations,
            drg_weight_sum, drg_discharges, source_records, computed_at""";

    private static final String INSERT = "insert into indicators_day (" + COLUMNS + ")\n";

    /**
     * Up to this many touched institutions a day's refresh reads their facts through the (institution, day) index;
     * more, it aggregates the day's whole partition once and keeps the touched institutions' groups (a long array in
     * the filter costs more to plan than the scan it saves).
     */
    static final int FEW = 64;

    /**
     * PostgreSQL: the days' rows of the touched institutions, written after they were deleted: the days' facts
     * aggregated first and the groups of the touched institutions kept by a join to their primary-care flags.
     * Parameters: the computation time, the days (date[]), [the touched institutions when few], the touched institutions
     * (uuid[]), their flags (boolean[], same order). A plain insert, not an upsert: the conflict check cost 7–8 of the
     * ~25 ms a refresh of a district's day took (decision 0263, addendum of 2026-12-05).
     */
    private static final String INSERT_DAYS = INSERT + """
            select a.institution_id, a.local_day, t.prim, a.visits, a.discharges, a.bed_days, a.operations,
                   a.level4_operations, a.drg_weight_sum, a.drg_discharges, a.source_records,
                   cast(? as timestamp with time zone)
            from (select e.institution_id, e.local_day, %s
                  from indicators_encounter e where e.local_day %%s%%s
                  group by e.institution_id, e.local_day)
                as a (institution_id, local_day, visits, discharges, bed_days, operations, level4_operations,
                      drg_weight_sum, drg_discharges, source_records)
            join unnest(cast(? as uuid[]), cast(? as boolean[])) as t (inst, prim) on t.inst = a.institution_id"""
            .formatted(SUMS);

    /**
     * The advisory-lock class of a day's refresh ({@code pg_advisory_xact_lock(class, epoch day)}): two ingests touching
     * the same day refresh it one after the other, so the second aggregate, taken after the first commits, sees both
     * ingests' facts (READ COMMITTED would otherwise let each overwrite the day with only its own).
     */
    static final int DAY_LOCK = 0x4D550011;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final MonthRollups months;

    public DayRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(jdbc);
        this.months = new MonthRollups(jdbc);
    }

    static boolean isPostgres(JdbcTemplate jdbc) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(jdbc.getDataSource()),
                    DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    /**
     * Rewrites the day rows of the given days, each with its institutions and their primary-care flag; a pair without
     * facts loses its row. Returns the day rows written.
     */
    public int refresh(Map<LocalDate, Map<UUID, Boolean>> days, Instant now) {
        return refresh(days, List.of(), now);
    }

    /**
     * As {@link #refresh(Map, Instant)} for {@code days}, and {@code added}'s sums of new facts added to their day rows
     * (decision 0270): on PostgreSQL under one set of day locks, taken in day order; on H2 their days are rewritten from
     * the facts like the others. An (institution, day) is in one of the two, not both.
     */
    public int refresh(Map<LocalDate, Map<UUID, Boolean>> days, Collection<DayDeltas.Delta> added, Instant now) {
        var ordered = new TreeMap<>(days);
        var all = new TreeMap<LocalDate, Map<UUID, Boolean>>();
        days.forEach((day, institutions) -> all.put(day, new LinkedHashMap<>(institutions))); // the caller's maps stay as they are
        added.forEach(d -> all.computeIfAbsent(d.day, k -> new LinkedHashMap<>()).put(d.institution, d.primary));
        int written;
        if (postgres) {
            lockDays(jdbc, all.keySet());
            written = replaceDays(ordered, now) + DayDeltas.add(jdbc, added, now);
        } else {
            written = rewriteDays(all, now);
        }
        var institutions = new LinkedHashSet<UUID>();
        all.values().forEach(i -> institutions.addAll(i.keySet()));
        months.recompute(all.keySet(), institutions);
        return written;
    }

    /** H2: day by day. */
    private int rewriteDays(TreeMap<LocalDate, Map<UUID, Boolean>> ordered, Instant now) {
        int written = 0;
        for (var day : ordered.entrySet()) {
            written += rewriteDay(day.getKey(), day.getValue(), now);
        }
        return written;
    }

    /** PostgreSQL, the days' locks held: the days touched by the same institutions in one delete and one insert. */
    private int replaceDays(TreeMap<LocalDate, Map<UUID, Boolean>> ordered, Instant now) {
        int written = 0;
        // the days touched by the same institutions are written together: one file of an institution touches many days
        Map<Map<UUID, Boolean>, List<LocalDate>> byInstitutions = new LinkedHashMap<>();
        ordered.forEach((day, institutions) -> {
            if (!institutions.isEmpty()) {
                byInstitutions.computeIfAbsent(institutions, k -> new ArrayList<>()).add(day);
            }
        });
        for (var group : byInstitutions.entrySet()) {
            written += replaceGroup(group.getValue(), group.getKey(), now);
        }
        return written;
    }

    /**
     * The days' advisory locks, in day order (the collection is sorted), so two refreshes cannot deadlock; a closed
     * month's lock ({@link MonthRollups#MONTH_LOCK}) is only ever taken after them.
     */
    static void lockDays(JdbcTemplate jdbc, Collection<LocalDate> days) {
        var epochDays = days.stream().map(d -> Math.toIntExact(d.toEpochDay())).toArray(Integer[]::new);
        jdbc.query(con -> {
            var ps = con.prepareStatement("select 1 from (select pg_advisory_xact_lock(?, d) from unnest(cast(? as integer[])) as d) l");
            ps.setInt(1, DAY_LOCK);
            ps.setArray(2, con.createArrayOf("integer", epochDays));
            return ps;
        }, (rs, n) -> n);
    }

    private int replaceGroup(List<LocalDate> days, Map<UUID, Boolean> institutions, Instant now) {
        var ids = institutions.keySet().toArray(new UUID[0]);
        var flags = new Boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            flags[i] = institutions.get(ids[i]);
        }
        var dates = days.stream().map(Date::valueOf).toArray(Date[]::new);
        // one day as a plain parameter: with an array PostgreSQL prunes the partitions only at run time and planned the
        // district's day 10 % slower (P-3)
        boolean one = dates.length == 1;
        jdbc.update(con -> {
            var ps = con.prepareStatement("delete from indicators_day where local_day " + (one ? "= ?" : "= any(?)")
                    + " and institution_id = any(?)");
            setDays(ps, 1, con, dates);
            ps.setArray(2, con.createArrayOf("uuid", ids));
            return ps;
        });
        boolean few = ids.length <= FEW;
        return jdbc.update(con -> {
            var ps = con.prepareStatement(INSERT_DAYS.formatted(one ? "= cast(? as date)" : "= any(cast(? as date[]))",
                    few ? " and e.institution_id = any(?)" : ""));
            int i = 0;
            ps.setObject(++i, now.atOffset(ZoneOffset.UTC));
            setDays(ps, ++i, con, dates);
            var touched = con.createArrayOf("uuid", ids);
            if (few) {
                ps.setArray(++i, touched);
            }
            ps.setArray(++i, touched);
            ps.setArray(++i, con.createArrayOf("boolean", flags));
            return ps;
        });
    }

    private static void setDays(PreparedStatement ps, int index, Connection con, Date[] dates) throws SQLException {
        if (dates.length == 1) {
            ps.setDate(index, dates[0]);
        } else {
            ps.setArray(index, con.createArrayOf("date", dates));
        }
    }

    /** H2: one delete and one aggregate joined to a VALUES list per {@value #CHUNK} institutions. */
    private int rewriteDay(LocalDate day, Map<UUID, Boolean> institutions, Instant now) {
        int written = 0;
        var entries = new ArrayList<>(institutions.entrySet());
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            var ids = new ArrayList<Object>();
            ids.add(day);
            chunk.forEach(e -> ids.add(e.getKey()));
            jdbc.update("delete from indicators_day where local_day = ? and institution_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", ids.toArray());
            var params = new ArrayList<Object>();
            params.add(now.atOffset(ZoneOffset.UTC));
            chunk.forEach(e -> {
                params.add(e.getKey());
                params.add(e.getValue());
            });
            params.add(day);
            written += jdbc.update(INSERT + "select e.institution_id, e.local_day, d.prim, " + SUMS + """
                    , cast(? as timestamp with time zone)
                    from indicators_encounter e join (values """
                    + String.join(", ", Collections.nCopies(chunk.size(), "(cast(? as uuid), cast(? as boolean))"))
                    + ") as d (inst, prim) on e.institution_id = d.inst where e.local_day = ? "
                    + "group by e.institution_id, e.local_day, d.prim", params.toArray());
        }
        return written;
    }

    /**
     * PostgreSQL: a recompute of one month's slice [from, to): the facts aggregated first (one partition), then joined
     * to the primary-care institutions. Parameters: the computation time, from, to, the primary-care institutions.
     */
    private static final String RECOMPUTE_SLICE = INSERT + """
            select a.institution_id, a.local_day, p.inst is not null, a.visits, a.discharges, a.bed_days, a.operations,
                   a.level4_operations, a.drg_weight_sum, a.drg_discharges, a.source_records,
                   cast(? as timestamp with time zone)
            from (select e.institution_id, e.local_day, %s
                  from indicators_encounter e where e.local_day >= cast(? as date) and e.local_day < cast(? as date)
                  group by e.institution_id, e.local_day)
                as a (institution_id, local_day, visits, discharges, bed_days, operations, level4_operations,
                      drg_weight_sum, drg_discharges, source_records)
            left join unnest(cast(? as uuid[])) as p (inst) on p.inst = a.institution_id""".formatted(SUMS);

    /**
     * A full recompute of the days [from, to): every day row in the range is dropped and re-aggregated from the facts;
     * {@code primary} are the primary-care institutions (the rest are not). On PostgreSQL one month at a time: a whole
     * month's partition is emptied with {@code truncate} (readers of that month wait for the commit instead of reading
     * the old rows), a part of a month by delete, then the month's facts are aggregated into it. Returns the day rows
     * written.
     */
    public int recompute(LocalDate from, LocalDate to, Set<UUID> primary, Instant now) {
        int written = postgres ? recomputePostgres(from, to, primary, now) : recomputeH2(from, to, primary, now);
        months.recompute(from, to);
        return written;
    }

    private int recomputePostgres(LocalDate from, LocalDate to, Set<UUID> primary, Instant now) {
        var ids = primary.toArray(new UUID[0]);
        int written = 0;
        for (LocalDate start = from; start.isBefore(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            LocalDate first = start.withDayOfMonth(1);
            LocalDate end = first.plusMonths(1).isAfter(to) ? to : first.plusMonths(1);
            String partition = String.format(Locale.ROOT, "indicators_day_p%d_%02d", first.getYear(), first.getMonthValue());
            boolean exists = Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                    partition));
            if (exists && start.equals(first) && end.equals(first.plusMonths(1))) {
                jdbc.execute("truncate " + partition);
            } else if (exists) {
                jdbc.update("delete from indicators_day where local_day >= ? and local_day < ?", start, end);
            }
            LocalDate sliceFrom = start;
            written += jdbc.update(con -> {
                var ps = con.prepareStatement(RECOMPUTE_SLICE);
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setObject(2, sliceFrom);
                ps.setObject(3, end);
                ps.setArray(4, con.createArrayOf("uuid", ids));
                return ps;
            });
        }
        return written;
    }

    /** H2: one delete and one aggregate over the range, joined to the primary-care institutions as a VALUES list. */
    private int recomputeH2(LocalDate from, LocalDate to, Set<UUID> primary, Instant now) {
        jdbc.update("delete from indicators_day where local_day >= ? and local_day < ?", from, to);
        List<Object> params = new ArrayList<>();
        params.add(now.atOffset(ZoneOffset.UTC));
        String join = "";
        String flag = "false";
        if (!primary.isEmpty()) {
            params.addAll(primary);
            join = " left join (values " + String.join(", ", Collections.nCopies(primary.size(), "(cast(? as uuid))"))
                    + ") as p (inst) on p.inst = e.institution_id";
            flag = "p.inst is not null";
        }
        params.add(from);
        params.add(to);
        return jdbc.update(INSERT + "select e.institution_id, e.local_day, " + flag + ", " + SUMS
                + ", cast(? as timestamp with time zone) from indicators_encounter e" + join
                + " where e.local_day >= ? and e.local_day < ? group by e.institution_id, e.local_day"
                + (primary.isEmpty() ? "" : ", p.inst"), params.toArray());
    }
}
