package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.indicators.EncounterKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DayRollups} (decisions 0248, 0263): the day rows kept by refreshes — new facts, a correction that moves a fact
 * to another day (its old day loses its row when no fact is left), a refresh of many institutions at once — are
 * exactly those of a full recompute of the range, including the edge days of a range that is not whole months.
 */
abstract class DayRollupsContract {

    static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID CENTRE = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final LocalDate FROM = LocalDate.of(2026, 2, 20);
    static final LocalDate TO = LocalDate.of(2026, 4, 10);

    /** An empty, migrated schema with the partitions of February to April 2026 where the database has partitions. */
    abstract JdbcTemplate jdbc();

    void fact(UUID institution, String source, String kind, LocalDate day, int bedDays, @Nullable String weight) {
        jdbc().update("""
                insert into indicators_encounter (id, institution_id, source_record_id, kind, occurred_at, local_day, bed_days,
                    operations, level4_operations, drg_weight, revision, received_at)
                values (?, ?, ?, ?, cast(? as timestamp with time zone), ?, ?, 1, 0, cast(? as numeric), 1, current_timestamp)""",
                UUID.randomUUID(), institution, source, kind, day + "T10:00:00+08:00", day, bedDays, weight);
    }

    private Map<LocalDate, Map<UUID, Boolean>> touched(LocalDate day, UUID... institutions) {
        var out = new LinkedHashMap<UUID, Boolean>();
        for (UUID i : institutions) {
            out.put(i, i.equals(CENTRE));
        }
        return new TreeMap<>(Map.of(day, out));
    }

    private List<String> days() {
        var out = new ArrayList<String>();
        jdbc().queryForList("""
                select institution_id, local_day, primary_care, visits, discharges, bed_days, operations, level4_operations,
                       drg_weight_sum, drg_discharges, source_records from indicators_day order by institution_id, local_day""")
                .forEach(row -> {
                    var sb = new StringBuilder();
                    row.forEach((k, v) -> sb.append(k.toLowerCase(Locale.ROOT)).append('=').append(v instanceof BigDecimal d
                            ? d.stripTrailingZeros().toPlainString() : String.valueOf(v)).append(';'));
                    out.add(sb.toString());
                });
        return out;
    }

    /** One refresh of many days (one institution's file spans a month and more) writes what a recompute writes. */
    @Test
    void oneRefreshOfManyDaysGivesTheDayRowsOfAFullRecompute() {
        var rollups = new DayRollups(jdbc());
        var days = new TreeMap<LocalDate, Map<UUID, Boolean>>();
        for (LocalDate d = LocalDate.of(2026, 2, 25); d.isBefore(LocalDate.of(2026, 3, 4)); d = d.plusDays(1)) {
            fact(HOSPITAL, "M" + d, "OUTPATIENT", d, 0, null);
            days.putAll(touched(d, HOSPITAL));
        }
        fact(CENTRE, "C1", "OUTPATIENT", LocalDate.of(2026, 3, 1), 0, null);
        days.put(LocalDate.of(2026, 3, 1), Map.of(HOSPITAL, false, CENTRE, true)); // a day with another set of institutions
        assertThat(rollups.refresh(days, Instant.now())).isEqualTo(8);
        var refreshed = days();
        assertThat(refreshed).hasSize(8);
        assertThat(rollups.recompute(FROM, TO, Set.of(CENTRE), Instant.now())).isEqualTo(8);
        assertThat(days()).isEqualTo(refreshed);
    }

    @Test
    void refreshesGiveTheDayRowsOfAFullRecompute() {
        var rollups = new DayRollups(jdbc());
        LocalDate feb = LocalDate.of(2026, 2, 27);
        LocalDate mar = LocalDate.of(2026, 3, 15);
        LocalDate apr = LocalDate.of(2026, 4, 2);
        fact(HOSPITAL, "V1", "OUTPATIENT", feb, 0, null);
        fact(CENTRE, "V2", "OUTPATIENT", feb, 0, null);
        rollups.refresh(touched(feb, HOSPITAL, CENTRE), Instant.now());
        fact(HOSPITAL, "D1", "INPATIENT", mar, 5, "1.2500");
        fact(HOSPITAL, "V3", "OUTPATIENT", mar, 0, null);
        rollups.refresh(touched(mar, HOSPITAL), Instant.now());
        fact(HOSPITAL, "V4", "EMERGENCY", mar, 0, null);
        rollups.refresh(touched(mar, HOSPITAL), Instant.now()); // the row exists: replaced
        // a correction moves the centre's only February visit to April: its February row goes
        jdbc().update("update indicators_encounter set local_day = ? where source_record_id = 'V2'", apr);
        rollups.refresh(touched(feb, CENTRE), Instant.now());
        rollups.refresh(touched(apr, CENTRE), Instant.now());
        var kept = days();
        assertThat(kept).hasSize(3).noneMatch(r -> r.contains("local_day=" + feb) && r.contains(CENTRE.toString()));
        assertThat(kept).anyMatch(r -> r.contains(HOSPITAL.toString()) && r.contains("local_day=" + mar) && r.contains("visits=2;")
                && r.contains("discharges=1;") && r.contains("bed_days=5;") && r.contains("drg_weight_sum=1.25;"));
        assertThat(kept).anyMatch(r -> r.contains(CENTRE.toString()) && r.contains("primary_care=true"));

        assertThat(rollups.recompute(FROM, TO, Set.of(CENTRE), Instant.now())).isEqualTo(3);
        assertThat(days()).isEqualTo(kept);
        // a recompute of a range that starts and ends inside months leaves the days outside it alone
        fact(HOSPITAL, "V5", "OUTPATIENT", LocalDate.of(2026, 2, 10), 0, null);
        rollups.refresh(touched(LocalDate.of(2026, 2, 10), HOSPITAL), Instant.now());
        var withEarly = days();
        assertThat(rollups.recompute(FROM, TO, Set.of(CENTRE), Instant.now())).isEqualTo(3);
        assertThat(days()).isEqualTo(withEarly).hasSize(4);
    }

    /** What {@link #fact} stores, as the sums it adds to its day (decision 0270). */
    private static DayDeltas.Delta delta(UUID institution, LocalDate day, String kind, int bedDays, @Nullable String weight) {
        var d = new DayDeltas.Delta(institution, day, institution.equals(CENTRE));
        d.add(EncounterKind.valueOf(kind), bedDays, 1, 0, weight == null ? null : new BigDecimal(weight));
        return d;
    }

    /**
     * The sums of new facts added to their day rows — a new row, then added to it, beside a day rewritten from its facts
     * in the same refresh — give exactly the rows a full recompute gives.
     */
    @Test
    void addedSumsGiveTheDayRowsOfAFullRecompute() {
        var rollups = new DayRollups(jdbc());
        LocalDate mar = LocalDate.of(2026, 3, 15);
        LocalDate next = mar.plusDays(1);
        fact(HOSPITAL, "A1", "OUTPATIENT", mar, 0, null);
        rollups.refresh(Map.of(), List.of(delta(HOSPITAL, mar, "OUTPATIENT", 0, null)), Instant.now());
        fact(HOSPITAL, "A2", "INPATIENT", mar, 4, "1.5000");
        fact(HOSPITAL, "A3", "EMERGENCY", mar, 0, null);
        var second = delta(HOSPITAL, mar, "INPATIENT", 4, "1.5000");
        second.add(EncounterKind.EMERGENCY, 0, 1, 0, null);
        fact(CENTRE, "A4", "INPATIENT", next, 2, "0.7500");
        fact(HOSPITAL, "A5", "OUTPATIENT", next, 0, null);
        assertThat(rollups.refresh(touched(next, HOSPITAL), List.of(second, delta(CENTRE, next, "INPATIENT", 2, "0.7500")),
                Instant.now())).isEqualTo(3);
        var kept = days();
        assertThat(kept).hasSize(3);
        assertThat(kept).anyMatch(r -> r.contains(HOSPITAL.toString()) && r.contains("local_day=" + mar) && r.contains("visits=2;")
                && r.contains("discharges=1;") && r.contains("bed_days=4;") && r.contains("operations=3;")
                && r.contains("drg_weight_sum=1.5;") && r.contains("drg_discharges=1;") && r.contains("source_records=3;"));
        assertThat(kept).anyMatch(r -> r.contains(CENTRE.toString()) && r.contains("primary_care=true")
                && r.contains("drg_weight_sum=0.75;"));
        assertThat(rollups.recompute(FROM, TO, Set.of(CENTRE), Instant.now())).isEqualTo(3);
        assertThat(days()).isEqualTo(kept);
    }

    @Test
    void aRefreshOfManyInstitutionsWritesEachOnce() {
        var rollups = new DayRollups(jdbc());
        LocalDate day = LocalDate.of(2026, 3, 3);
        var many = new LinkedHashMap<UUID, Boolean>();
        for (int i = 0; i < DayRollups.FEW + 10; i++) {
            UUID inst = new UUID(7, i);
            many.put(inst, i % 2 == 0);
            if (i % 3 != 0) { // a third touched without facts: no row
                fact(inst, "M" + i, "OUTPATIENT", day, 0, null);
            }
        }
        assertThat(rollups.refresh(new TreeMap<>(Map.of(day, many)), Instant.now())).isEqualTo(49);
        assertThat(rollups.refresh(new TreeMap<>(Map.of(day, many)), Instant.now())).isEqualTo(49);
        var kept = days();
        Set<UUID> primary = new HashSet<>();
        many.forEach((k, v) -> {
            if (v) {
                primary.add(k);
            }
        });
        rollups.recompute(FROM, TO, primary, Instant.now());
        assertThat(days()).isEqualTo(kept).hasSize(49);
    }

    private List<String> monthRowsAndTheirDays() {
        var out = new ArrayList<String>();
        jdbc().queryForList("""
                select institution_id, month_start, primary_care, visits, discharges, bed_days, operations, level4_operations,
                       drg_weight_sum, drg_discharges, source_records from indicators_month where source_records > 0
                order by institution_id, month_start, primary_care""").forEach(row -> out.add("month " + line(row)));
        jdbc().queryForList("""
                select institution_id, cast(date_trunc('month', local_day) as date) as month_start, primary_care, sum(visits) visits,
                       sum(discharges) discharges, sum(bed_days) bed_days, sum(operations) operations,
                       sum(level4_operations) level4_operations, sum(drg_weight_sum) drg_weight_sum,
                       sum(drg_discharges) drg_discharges, sum(source_records) source_records
                from indicators_day where cast(date_trunc('month', local_day) as date) in (select month_start from indicators_month_closed)
                group by institution_id, cast(date_trunc('month', local_day) as date), primary_care
                order by institution_id, month_start, primary_care""").forEach(row -> out.add("days " + line(row)));
        return out;
    }

    private static String line(Map<String, Object> row) {
        var sb = new StringBuilder();
        row.forEach((k, v) -> sb.append(k.toLowerCase(Locale.ROOT)).append('=').append(v instanceof BigDecimal d
                ? d.stripTrailingZeros().toPlainString() : v instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(v))
                .append(';'));
        return sb.toString();
    }

    /** The month rows of the closed months equal their day rows summed (decision 0266). */
    private void assertMonthsMatchDays() {
        var rows = monthRowsAndTheirDays();
        var months = rows.stream().filter(r -> r.startsWith("month ")).map(r -> r.substring(6)).toList();
        var days = rows.stream().filter(r -> r.startsWith("days ")).map(r -> r.substring(5)).toList();
        assertThat(months).isEqualTo(days);
    }

    /** The sums as a dashboard reads them, and as the day rows alone give them. */
    private List<Object> sums(List<DaySums.Window> windows) {
        var s = new DaySums(JdbcClient.create(jdbc())).sums(windows, false);
        var h = new DaySums(JdbcClient.create(jdbc())).sums(windows, true);
        return List.of(s.visits(), s.primaryVisits(), s.discharges(), s.bedDays(), s.drgWeight().stripTrailingZeros(),
                h.visits(), h.discharges());
    }

    /**
     * A closed month keeps rows equal to its days through new and late facts, a correction that moves a fact out of it
     * and a full recompute; a dashboard's sums over whole closed months, edge days and an open month are the same as
     * when every day is read from its day row.
     */
    @Test
    void closedMonthsKeepTheSumsOfTheirDays_andTheDashboardReadsThemAsTheDays() {
        var rollups = new DayRollups(jdbc());
        var months = new MonthRollups(jdbc());
        LocalDate feb = LocalDate.of(2026, 2, 21);
        LocalDate mar = LocalDate.of(2026, 3, 15);
        LocalDate apr = LocalDate.of(2026, 4, 2);
        fact(HOSPITAL, "V1", "OUTPATIENT", feb, 0, null);
        fact(CENTRE, "V2", "OUTPATIENT", mar, 0, null);
        fact(HOSPITAL, "D1", "INPATIENT", mar, 4, "1.5000");
        fact(HOSPITAL, "V3", "OUTPATIENT", apr, 0, null);
        rollups.refresh(touched(feb, HOSPITAL), Instant.now());
        rollups.refresh(touched(mar, HOSPITAL, CENTRE), Instant.now());
        rollups.refresh(touched(apr, HOSPITAL), Instant.now());
        var windows = List.of(new DaySums.Window(HOSPITAL, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 5, 1)),
                new DaySums.Window(CENTRE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
        var fromDays = sums(windows);
        assertThat(fromDays).containsExactly(3L, 1L, 1L, 4L, new BigDecimal("1.5"), 2L, 1L);

        assertThat(months.toClose(LocalDate.of(2026, 4, 20))).containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(months.close(LocalDate.of(2026, 2, 1), Instant.now())).isTrue();
        assertThat(months.close(LocalDate.of(2026, 3, 1), Instant.now())).isTrue();
        assertThat(months.close(LocalDate.of(2026, 3, 1), Instant.now())).as("closed already").isFalse();
        assertThat(months.toClose(LocalDate.of(2026, 4, 20))).isEmpty();
        assertMonthsMatchDays();
        assertThat(jdbc().queryForObject("select count(*) from indicators_month", Long.class)).isEqualTo(3);
        assertThat(sums(windows)).isEqualTo(fromDays);

        // a late fact in closed March, then a correction that moves the centre's March visit to April
        fact(HOSPITAL, "V4", "EMERGENCY", LocalDate.of(2026, 3, 31), 0, null);
        rollups.refresh(touched(LocalDate.of(2026, 3, 31), HOSPITAL), Instant.now());
        jdbc().update("update indicators_encounter set local_day = ? where source_record_id = 'V2'", apr);
        rollups.refresh(Map.of(mar, Map.of(CENTRE, true), apr, Map.of(CENTRE, true)), Instant.now());
        assertMonthsMatchDays();
        assertThat(sums(windows)).containsExactly(3L, 0L, 1L, 4L, new BigDecimal("1.5"), 3L, 1L);

        // a full recompute of a range inside the months rewrites them from the days: nothing changes
        var before = monthRowsAndTheirDays();
        rollups.recompute(FROM, TO, Set.of(CENTRE), Instant.now());
        assertThat(monthRowsAndTheirDays()).isEqualTo(before);
        assertMonthsMatchDays();
    }
}
