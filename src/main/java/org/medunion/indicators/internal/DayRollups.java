package org.medunion.indicators.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code indicators_day} from the facts, set-wise: a refresh of touched (institution, day) pairs is one delete and
 * one aggregate per local day and {@value #CHUNK} institutions (joined to their primary-care flag as a VALUES list), and
 * a full recompute of a range is one delete and one aggregate over it. Public (not a bean) so that the P-3 / P-4
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

    private static final String INSERT = """
            insert into indicators_day (institution_id, local_day, primary_care, visits, discharges, bed_days, operations,
                level4_operations, drg_weight_sum, drg_discharges, source_records, computed_at)
            """;

    private final JdbcTemplate jdbc;

    public DayRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rewrites the day rows of the given days, each with its institutions and their primary-care flag; a pair without
     * facts loses its row. Returns the day rows written.
     */
    public int refresh(Map<LocalDate, Map<UUID, Boolean>> days, Instant now) {
        int written = 0;
        for (var day : days.entrySet()) {
            var institutions = new ArrayList<>(day.getValue().entrySet());
            for (int from = 0; from < institutions.size(); from += CHUNK) {
                var chunk = institutions.subList(from, Math.min(institutions.size(), from + CHUNK));
                var ids = new ArrayList<Object>();
                ids.add(day.getKey());
                chunk.forEach(e -> ids.add(e.getKey()));
                jdbc.update("delete from indicators_day where local_day = ? and institution_id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", ids.toArray());
                var params = new ArrayList<Object>();
                params.add(now.atOffset(ZoneOffset.UTC));
                chunk.forEach(e -> {
                    params.add(e.getKey());
                    params.add(e.getValue());
                });
                params.add(day.getKey());
                written += jdbc.update(INSERT + "select e.institution_id, e.local_day, d.prim, " + SUMS + """
                        , cast(? as timestamp with time zone)
                        from indicators_encounter e join (values """
                        + String.join(", ", Collections.nCopies(chunk.size(), "(cast(? as uuid), cast(? as boolean))"))
                        + ") as d (inst, prim) on e.institution_id = d.inst where e.local_day = ? "
                        + "group by e.institution_id, e.local_day, d.prim", params.toArray());
            }
        }
        return written;
    }

    /**
     * A full recompute of the days [from, to): every day row in the range is dropped and re-aggregated from the facts;
     * {@code primary} are the primary-care institutions (the rest are not). Returns the day rows written.
     */
    public int recompute(LocalDate from, LocalDate to, Set<UUID> primary, Instant now) {
        jdbc.update("delete from indicators_day where local_day >= ? and local_day < ?", from, to);
        List<Object> params = new ArrayList<>();
        params.add(now.atOffset(ZoneOffset.UTC));
        String join;
        String flag;
        if (primary.isEmpty()) {
            join = "";
            flag = "false";
        } else {
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
