package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.EncounterKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sums of new facts added to their day rows (PostgreSQL, decision 0270), instead of re-aggregating the days from all
 * their facts. An ingest that only adds facts to a day knows exactly what they add: a refresh re-read the month's facts
 * so far for every request or import chunk (P-5). The sums are {@link DayRollups#SUMS}'s, taken in memory from the
 * facts being written; the caller holds the days' locks, so the day row it adds to is the one its facts' day had.
 */
public final class DayDeltas {

    /**
     * Upserts the deltas: a new row as they are, an existing row with each sum added. Parameters: the computation time,
     * then one array per column.
     */
    private static final String UPSERT = """
            insert into indicators_day (institution_id, local_day, primary_care, visits, discharges, bed_days, operations,
                                        level4_operations, drg_weight_sum, drg_discharges, source_records, computed_at)
            select t.inst, t.day, t.prim, t.visits, t.discharges, t.bed_days, t.operations, t.level4, t.weight, t.weighted,
                   t.records, cast(? as timestamp with time zone)
            from unnest(cast(? as uuid[]), cast(? as date[]), cast(? as boolean[]), cast(? as bigint[]), cast(? as bigint[]),
                        cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as numeric[]),
                        cast(? as bigint[]), cast(? as bigint[]))
                as t (inst, day, prim, visits, discharges, bed_days, operations, level4, weight, weighted, records)
            on conflict (institution_id, local_day) do update set primary_care = excluded.primary_care,
                visits = indicators_day.visits + excluded.visits,
                discharges = indicators_day.discharges + excluded.discharges,
                bed_days = indicators_day.bed_days + excluded.bed_days,
                operations = indicators_day.operations + excluded.operations,
                level4_operations = indicators_day.level4_operations + excluded.level4_operations,
                drg_weight_sum = indicators_day.drg_weight_sum + excluded.drg_weight_sum,
                drg_discharges = indicators_day.drg_discharges + excluded.drg_discharges,
                source_records = indicators_day.source_records + excluded.source_records,
                computed_at = excluded.computed_at""";

    private DayDeltas() {
    }

    /** What the new facts of one (institution, day) add to its row; public for the P-3 benchmark, like {@link DayRollups}. */
    public static final class Delta {

        final UUID institution;
        final LocalDate day;
        final boolean primary;
        long visits;
        long discharges;
        long bedDays;
        long operations;
        long level4;
        BigDecimal drgWeight = BigDecimal.ZERO;
        long drgDischarges;
        long records;

        public Delta(UUID institution, LocalDate day, boolean primary) {
            this.institution = institution;
            this.day = day;
            this.primary = primary;
        }

        /** One fact, counted as {@link DayRollups#SUMS} counts it. */
        public void add(EncounterKind kind, int bedDays, int operations, int level4, @Nullable BigDecimal drgWeight) {
            if (kind == EncounterKind.INPATIENT) {
                discharges++;
            } else {
                visits++;
            }
            this.bedDays += bedDays;
            this.operations += operations;
            this.level4 += level4;
            if (drgWeight != null) {
                this.drgWeight = this.drgWeight.add(drgWeight);
                drgDischarges++;
            }
            records++;
        }
    }

    /** Adds the deltas to their day rows; returns the rows written. */
    static int add(JdbcTemplate jdbc, Collection<Delta> deltas, Instant now) {
        if (deltas.isEmpty()) {
            return 0;
        }
        int n = deltas.size();
        var ids = new UUID[n];
        var days = new Date[n];
        var prim = new Boolean[n];
        var visits = new Long[n];
        var discharges = new Long[n];
        var bedDays = new Long[n];
        var operations = new Long[n];
        var level4 = new Long[n];
        var weight = new BigDecimal[n];
        var weighted = new Long[n];
        var records = new Long[n];
        int i = 0;
        for (Delta d : deltas) {
            ids[i] = d.institution;
            days[i] = Date.valueOf(d.day);
            prim[i] = d.primary;
            visits[i] = d.visits;
            discharges[i] = d.discharges;
            bedDays[i] = d.bedDays;
            operations[i] = d.operations;
            level4[i] = d.level4;
            weight[i] = d.drgWeight;
            weighted[i] = d.drgDischarges;
            records[i] = d.records;
            i++;
        }
        return jdbc.update(con -> {
            var ps = con.prepareStatement(UPSERT);
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setArray(2, con.createArrayOf("uuid", ids));
            ps.setArray(3, con.createArrayOf("date", days));
            ps.setArray(4, con.createArrayOf("boolean", prim));
            ps.setArray(5, con.createArrayOf("bigint", visits));
            ps.setArray(6, con.createArrayOf("bigint", discharges));
            ps.setArray(7, con.createArrayOf("bigint", bedDays));
            ps.setArray(8, con.createArrayOf("bigint", operations));
            ps.setArray(9, con.createArrayOf("bigint", level4));
            ps.setArray(10, con.createArrayOf("numeric", weight));
            ps.setArray(11, con.createArrayOf("bigint", weighted));
            ps.setArray(12, con.createArrayOf("bigint", records));
            return ps;
        });
    }
}
