package org.medunion.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.medunion.demo.internal.SyntheticEncounters;
import org.medunion.demo.internal.SyntheticEncounters.Site;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The P-3 / P-4 benchmark's data: {@link SyntheticEncounters} streamed into PostgreSQL with COPY (facts, a day per COPY)
 * or folded into day rows on the fly (the city scale's rollup without storing its facts). Both sinks hold one day at a
 * time; the heap is sampled at every day's end.
 */
final class IndicatorsBenchData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String FACT_COLUMNS = "id, institution_id, source_record_id, kind, occurred_at, local_day, admitted_at, bed_days, "
            + "operations, level4_operations, drg_weight, principal_diagnosis, resident_id, revision, received_at";

    private IndicatorsBenchData() {
    }

    /** The largest heap in use seen at a day's end, and the process's peak resident set (VmHWM) in MB. */
    static final class Memory {

        long maxHeapUsed;

        void sample() {
            maxHeapUsed = Math.max(maxHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        static long peakRssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }
    }

    /** Makes the months' partitions exist (the module's function). */
    static void partitions(Connection c, LocalDate from, LocalDate to) throws SQLException {
        for (LocalDate m = from.withDayOfMonth(1); m.isBefore(to); m = m.plusMonths(1)) {
            try (var st = c.prepareStatement("select indicators_encounter_ensure_month(?)")) {
                st.setObject(1, m);
                st.execute();
            }
        }
    }

    /** Writes facts with one COPY per day, as the ingest would store them (local day, bed-days, level-4 count). */
    static final class CopySink implements SyntheticEncounters.Sink {

        private final CopyManager copy;
        private final StringBuilder day = new StringBuilder(1 << 22);
        final Memory memory = new Memory();
        long rows;
        private long ids;

        CopySink(Connection c) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        public void encounter(EncounterRecord r) {
            LocalDate local = r.occurredAt().atZone(ZONE).toLocalDate();
            int bedDays = r.admittedAt() == null ? 0
                    : (int) Math.max(1, ChronoUnit.DAYS.between(r.admittedAt().atZone(ZONE).toLocalDate(), local));
            long level4 = r.operationLevels().stream().filter(l -> l == 4).count();
            day.append(new UUID(0xE7C0_0000L, ++ids)).append('\t').append(r.institution().value()).append('\t')
                    .append(r.sourceRecordId()).append('\t').append(r.kind().name()).append('\t').append(r.occurredAt()).append('\t')
                    .append(local).append('\t').append(r.admittedAt() == null ? "\\N" : r.admittedAt().toString()).append('\t')
                    .append(bedDays).append('\t').append(r.operationLevels().size()).append('\t').append(level4).append('\t')
                    .append(r.drgWeight() == null ? "\\N" : r.drgWeight().toPlainString()).append('\t')
                    .append(r.principalDiagnosis() == null ? "\\N" : r.principalDiagnosis()).append('\t')
                    .append(r.resident() == null ? "\\N" : r.resident().value().toString()).append("\t1\t")
                    .append(r.occurredAt()).append('\n');
            rows++;
        }

        @Override
        public void endOfDay(LocalDate d) {
            try {
                copy.copyIn("copy indicators_encounter (" + FACT_COLUMNS + ") from stdin", new StringReader(day.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            day.setLength(0);
            memory.sample();
        }
    }

    /**
     * Folds each day's facts into one row per institution (the day rollup's columns) and writes the day's rows with COPY:
     * the city scale's {@code indicators_day} without storing its 100M facts.
     */
    static final class DayRowSink implements SyntheticEncounters.Sink {

        private final CopyManager copy;
        private final java.util.Map<UUID, Integer> index = new java.util.HashMap<>();
        private final boolean[] primary;
        private final UUID[] ids;
        private final long[][] sums; // visits, discharges, bed days, operations, level 4, weight ×10⁴, weighted, records
        final Memory memory = new Memory();
        long facts;
        long dayRows;

        DayRowSink(Connection c, List<Site> sites) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI();
            this.primary = new boolean[sites.size()];
            this.ids = new UUID[sites.size()];
            this.sums = new long[sites.size()][8];
            for (int i = 0; i < sites.size(); i++) {
                index.put(sites.get(i).institution(), i);
                primary[i] = sites.get(i).primary();
                ids[i] = sites.get(i).institution();
            }
        }

        @Override
        public void encounter(EncounterRecord r) {
            long[] s = sums[index.get(r.institution().value())];
            boolean stay = r.kind() == EncounterKind.INPATIENT;
            s[stay ? 1 : 0]++;
            if (stay && r.admittedAt() != null) {
                s[2] += Math.max(1, ChronoUnit.DAYS.between(r.admittedAt().atZone(ZONE).toLocalDate(),
                        r.occurredAt().atZone(ZONE).toLocalDate()));
            }
            s[3] += r.operationLevels().size();
            s[4] += r.operationLevels().stream().filter(l -> l == 4).count();
            if (r.drgWeight() != null) {
                s[5] += r.drgWeight().movePointRight(4).longValueExact();
                s[6]++;
            }
            s[7]++;
            facts++;
        }

        @Override
        public void endOfDay(LocalDate d) {
            var out = new StringBuilder(1 << 20);
            for (int i = 0; i < ids.length; i++) {
                long[] s = sums[i];
                if (s[7] > 0) {
                    out.append(ids[i]).append('\t').append(d).append('\t').append(primary[i]).append('\t').append(s[0]).append('\t')
                            .append(s[1]).append('\t').append(s[2]).append('\t').append(s[3]).append('\t').append(s[4]).append('\t')
                            .append(java.math.BigDecimal.valueOf(s[5], 4).toPlainString()).append('\t').append(s[6]).append('\t')
                            .append(s[7]).append('\t').append(d.atStartOfDay(ZONE).toInstant()).append('\n');
                    dayRows++;
                }
                java.util.Arrays.fill(s, 0);
            }
            try {
                copy.copyIn("copy indicators_day (institution_id, local_day, primary_care, visits, discharges, bed_days, operations, "
                        + "level4_operations, drg_weight_sum, drg_discharges, source_records, computed_at) from stdin",
                        new StringReader(out.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            memory.sample();
        }
    }
}
