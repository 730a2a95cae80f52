package org.medunion.bench;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The P-8 data on top of the demo city, made by the server ({@code insert … select … from generate_series}, one
 * connection, asynchronous commit): R residents {@code P8…} whose records the gp's centre holds (the care
 * relationship of the look-up), and N results of theirs spread by hash over the residents (≈ N / R each), the six
 * demo items (glucose 30 %, HbA1c 20 %, lipids 20 %, electrolytes 15 %, chest CT 8 %, ECG 7 %), the last three years,
 * and five performers: the 长宁 lead hospital (QC passed for every item) 40 %, the gp's own centre (glucose passed,
 * HbA1c failed) 30 %, the municipal hospital (HbA1c pass expired, lipids passed) 10 %, a Shanghai secondary hospital
 * without QC 10 %, a Nanning lead (Guangxi QC) 10 %; 3 % preliminary, 1 % critical, 90 % of the CTs with images.
 * Only what is missing is added, so a re-run reuses a loaded database; the first load drops the report table's two
 * indexes and builds them again afterwards (same definitions as V11_1), which is much faster than keeping them.
 */
final class RecognitionBenchData {

    private static final int CHUNK = 1_000_000;

    private final DataSource dataSource;
    private final JdbcClient app;
    private final String tag;
    private final UUID gpCentre;

    RecognitionBenchData(DataSource dataSource, String tag, UUID gpCentre) {
        this.dataSource = dataSource;
        this.app = JdbcClient.create(dataSource);
        this.tag = tag;
        this.gpCentre = gpCentre;
    }

    /** The UUID of the i-th bench resident (the SQL below makes the same: {@code md5(tag || '-r' || i)::uuid}). */
    static UUID residentId(String tag, long i) {
        return RecognitionLookupBenchmark.md5Uuid(tag + "-r" + i);
    }

    void ensure(long results, int residents, List<String> items) throws Exception {
        List<UUID> performers = performers();
        try (Connection c = dataSource.getConnection()) {
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            jdbc.sql("set synchronous_commit = off").update();
            jdbc.sql("set maintenance_work_mem = '512MB'").update();
            long haveResidents = jdbc.sql("select count(*) from residents_resident where id_number like 'P8%'").query(Long.class).single();
            long t0 = System.nanoTime();
            for (long from = haveResidents; from < residents; from += CHUNK) {
                long to = Math.min(residents, from + CHUNK);
                residents(jdbc, from, to);
                System.out.printf(Locale.ROOT, "  … %,d residents with their record links (%.0f s)%n", to, (System.nanoTime() - t0) / 1e9);
            }
            long have = jdbc.sql("select count(*) from diagnostics_report where recorded_by = ?").param(tag).query(Long.class).single();
            if (have >= results) {
                System.out.printf(Locale.ROOT, "found %,d bench results and %,d bench residents: nothing loaded%n", have, haveResidents);
                return;
            }
            boolean rebuild = have == 0 && results >= CHUNK;
            if (rebuild) {
                jdbc.sql("drop index if exists diagnostics_report_lookup").update();
                jdbc.sql("alter table diagnostics_report drop constraint if exists diagnostics_report_pkey").update();
            }
            t0 = System.nanoTime();
            for (long from = have; from < results; from += CHUNK) {
                long to = Math.min(results, from + CHUNK);
                reports(jdbc, from, to, residents, items, performers);
                System.out.printf(Locale.ROOT, "  … %,d results (%.0f s)%n", to, (System.nanoTime() - t0) / 1e9);
            }
            if (rebuild) {
                jdbc.sql("alter table diagnostics_report add constraint diagnostics_report_pkey primary key (id)").update();
                jdbc.sql("create index diagnostics_report_lookup on diagnostics_report (resident_id, item_code, result_date)").update();
                System.out.printf(Locale.ROOT, "  … indexes built (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
            }
            jdbc.sql("vacuum analyze diagnostics_report").update();
            jdbc.sql("vacuum analyze residents_resident").update();
            jdbc.sql("vacuum analyze residents_record_link").update();
            System.out.printf(Locale.ROOT, "loaded %,d results in %.1f s%n", results - have, (System.nanoTime() - t0) / 1e9);
        }
    }

    private void residents(JdbcClient jdbc, long from, long to) {
        jdbc.sql("""
                insert into residents_resident (id, id_number, name, sex, birth_date, phone, district_code, source_institution,
                                                created_at, version, updated_at)
                select md5(:tag || '-r' || i)::uuid, 'P8' || lpad(i::text, 16, '0'), '测试' || (i % 1000),
                       case when i % 2 = 0 then '1' else '2' end, date '1940-01-01' + (i % 25000)::int, null, '310105', :gp,
                       now(), 0, now()
                  from generate_series(:from, :to - 1) i""")
                .param("tag", tag).param("gp", gpCentre).param("from", from).param("to", to).update();
        jdbc.sql("""
                insert into residents_record_link (id, resident_id, source_institution, local_record_number, basis, linked_at)
                select md5(:tag || '-l' || i)::uuid, md5(:tag || '-r' || i)::uuid, :gp, 'P8-' || i, 'ID_NUMBER', now()
                  from generate_series(:from, :to - 1) i""")
                .param("tag", tag).param("gp", gpCentre).param("from", from).param("to", to).update();
    }

    private void reports(JdbcClient jdbc, long from, long to, int residents, List<String> items, List<UUID> p) {
        String item = "case when k < 30 then '%s' when k < 50 then '%s' when k < 70 then '%s' when k < 85 then '%s'"
                .formatted(items.get(0), items.get(1), items.get(2), items.get(3))
                + " when k < 93 then '%s' else '%s' end".formatted(items.get(4), items.get(5));
        String performer = ("case when w < 40 then '%s'::uuid when w < 70 then '%s'::uuid when w < 80 then '%s'::uuid"
                + " when w < 90 then '%s'::uuid else '%s'::uuid end").formatted(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4));
        jdbc.sql("""
                insert into diagnostics_report (id, resident_id, item_code, performer_institution_id, order_id, status, result_date,
                    critical, recognition_mark, conclusion, study_url, recorded_by, recorded_at, version)
                select md5(:tag || '-d' || g)::uuid, md5(:tag || '-r' || r)::uuid, item, %s, null,
                       case when s < 3 then 'PRELIMINARY' else 'FINAL' end, current_date - d, s = 50, null, '未见明显异常',
                       case when item = '%s' and s < 90 then 'https://pacs.example.cn/study/' || g end, :tag,
                       (current_date - d) + time '10:30', 1
                  from (select g, r, k, w, s, d, %s as item
                          from (select g, abs(hashint8extended(g, 1) %% :residents) r, abs(hashint8extended(g, 2) %% 100) k,
                                       abs(hashint8extended(g, 3) %% 100) w, abs(hashint8extended(g, 4) %% 100) s,
                                       abs(hashint8extended(g, 5) %% 1095)::int d
                                  from generate_series(:from, :to - 1) g) h) x""".formatted(performer, items.get(4), item))
                .param("tag", tag).param("residents", residents).param("from", from).param("to", to).update();
    }

    /** Lead, gp centre, municipal hospital, a Shanghai secondary hospital without QC, a Nanning lead with QC. */
    private List<UUID> performers() {
        UUID lead = byName("上海市长宁区区域医疗中心");
        UUID municipal = byName("上海市第十一人民医院");
        UUID noQc = app.sql("""
                select id from registry_institution where district_code like '31%' and level = 'SECONDARY'
                   and id not in (select institution_id from diagnostics_qc) order by name limit 1""").query(UUID.class).single();
        UUID nanning = app.sql("""
                select institution_id from diagnostics_qc where scope_label = '广西' order by institution_id limit 1""")
                .query(UUID.class).single();
        return List.of(lead, gpCentre, municipal, noQc, nanning);
    }

    private UUID byName(String name) {
        return app.sql("select id from registry_institution where name = ?").param(name).query(UUID.class).single();
    }
}
