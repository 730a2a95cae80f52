package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Encounter import jobs (issue 17, decision 0267): a file becomes a job whose rows done grow to the total, chunk by
 * chunk; rows that pass the ingest's checks are written (the indicator values change), malformed rows and a source
 * record id repeated in the file — in the same chunk or a later one — are listed with their reasons; a resent record
 * is unchanged, never counted twice. A job is its submitter's alone; a malformed file or a foreign institution is
 * refused at once with nothing stored. The console page shows the published columns and the jobs, polled by htmx.
 */
abstract class EncounterImportContract extends RunningCity {

    static final String PATH = "/api/indicators/encounter-imports";
    static final String HEADER = "source_record_id,institution_id,kind,occurred_at,principal_diagnosis\n";

    SchedulingFixture.Group g;
    String planner;
    String integrator;

    @BeforeEach
    void world() {
        g = SchedulingFixture.group(registry, residents, accounts);
        String tag = Long.toString(System.nanoTime(), 36);
        planner = "pl-" + tag;
        accounts.ensureAccount(new NewAccount(planner, "demo", planner, Role.PLANNER, Scope.jurisdiction("310000")));
        integrator = "in-" + tag;
        accounts.ensureAccount(new NewAccount(integrator, "demo", integrator, Role.INTEGRATOR, Scope.jurisdiction("310000")));
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    Api.Response upload(String user, String csv) {
        return as(user).sendBytes("POST", PATH + "?fileName=visits.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    long facts(UUID institution) {
        return jdbc.sql("select count(*) from indicators_encounter where institution_id = ?").param(institution)
                .query(Long.class).single();
    }

    String status(UUID job) {
        return jdbc.sql("select status from indicators_import_job where id = ?").param(job).query(String.class).single();
    }

    long jobs(String user) {
        return jdbc.sql("select count(*) from indicators_import_job where submitted_by = ?").param(user).query(Long.class).single();
    }

    BigDecimal visitsInMay(UUID institution) {
        var r = as(planner).get("/api/indicators/values/I-4?level=INSTITUTION&subject=" + institution + "&period=2026-05");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new BigDecimal(r.json().get("numerator").asString());
    }

    /** Polls the job until it has ended (at most two minutes), returning every answer seen. */
    List<JsonNode> poll(String user, String location) throws InterruptedException {
        var seen = new ArrayList<JsonNode>();
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            var r = as(user).get(location);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            seen.add(r.json());
            String status = r.json().get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return seen;
            }
            Thread.sleep(40);
        }
        throw new AssertionError("the job did not end within two minutes: " + seen.get(seen.size() - 1));
    }

    /**
     * {@code rows} May visits at {@code lead}: row 2 resends E0 as it was, row 3 corrects E1's time, row 11 has an
     * unknown kind, row 21 an impossible date, rows 31 and 10,500 repeat row 1's source record id (10,500 in the
     * job's second chunk of 10,000 lines: the checks carry the sources seen from chunk to chunk, decision 0271).
     */
    static String file(UUID lead, int rows) {
        var out = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            String source = switch (i) {
                case 2 -> "E0";
                case 3 -> "E1";
                case 31, 10_500 -> "J-1";
                default -> "J-" + i;
            };
            String kind = i == 11 ? "VISIT" : "OUTPATIENT";
            String at = i == 21 ? "2026-05-32T09:00" : i == 2 ? "2026-05-01T08:00" : "2026-05-%02dT09:%02d".formatted(1 + i % 28, i % 60);
            out.append(source).append(',').append(lead).append(',').append(kind).append(',').append(at).append(",J06.9\n");
        }
        return out.toString();
    }

    @Test
    void aFileBecomesAJob_goodRowsAreWrittenInChunks_badAndRepeatedRowsAreListed_andAResendCountsNothingTwice()
            throws Exception {
        UUID lead = g.lead().value();
        var before = as(g.leadUser()).send("POST", "/api/indicators/encounters", HEADER
                + "E0," + lead + ",OUTPATIENT,2026-05-01T08:00,J06.9\nE1," + lead + ",OUTPATIENT,2026-05-02T08:00,J06.9\n",
                Map.of("Content-Type", "text/csv"));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(visitsInMay(lead)).isEqualByComparingTo("2");

        var started = upload(g.leadUser(), file(lead, 12_000));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        String location = PATH + "/" + job;
        assertThat(started.header("Location")).isEqualTo(location);
        assertThat(started.json().get("rowsTotal").asInt()).isEqualTo(12_000);
        assertThat(started.json().get("fileName").asString()).isEqualTo("visits.csv");
        assertThat(started.json().get("submittedBy").asString()).isEqualTo(g.leadUser());
        assertThat(started.json().get("scopeType").asString()).isEqualTo("INSTITUTION");
        assertThat(started.json().get("scopeReference").asString()).isEqualTo(lead.toString());
        assertThat(started.json().get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");

        List<JsonNode> seen = poll(g.leadUser(), location);
        int last = -1;
        for (JsonNode s : seen) {
            int done = s.get("rowsDone").asInt();
            assertThat(done).as("rows done never go back").isGreaterThanOrEqualTo(last);
            assertThat(s.get("accepted").asInt() + s.get("rejectedRows").asInt()).as("each processed row is counted once")
                    .isLessThanOrEqualTo(done);
            last = done;
        }
        JsonNode end = seen.get(seen.size() - 1);
        assertThat(end.get("status").asString()).as(end.toString()).isEqualTo("DONE");
        assertThat(end.get("rowsDone").asInt()).isEqualTo(12_000);
        assertThat(end.get("percent").asInt()).isEqualTo(100);
        assertThat(end.get("accepted").asInt()).isEqualTo(11_996);
        assertThat(end.get("created").asInt()).isEqualTo(11_994);
        assertThat(end.get("corrected").asInt()).isEqualTo(1);
        assertThat(end.get("unchanged").asInt()).isEqualTo(1);
        assertThat(end.get("rejectedRows").asInt()).isEqualTo(4);
        assertThat(end.get("startedAt").isNull()).isFalse();
        assertThat(end.get("finishedAt").isNull()).isFalse();
        var reasons = new ArrayList<String>();
        end.get("rejected").forEach(e -> reasons.add(e.get("row").asInt() + ":" + e.get("field").asString() + ":"
                + e.get("rule").asString()));
        assertThat(reasons).containsExactly("11:kind:format", "21:occurred_at:format", "31:sourceRecordId:duplicate",
                "10500:sourceRecordId:duplicate");
        assertThat(facts(lead)).isEqualTo(2 + 11_994);
        assertThat(visitsInMay(lead)).as("the values changed").isEqualByComparingTo("11996");
        assertThat(jdbc.sql("select count(*) from indicators_import_job where id = ? and content is null")
                .param(UUID.fromString(job)).query(Long.class).single()).as("the file is dropped once done").isEqualTo(1);

        // the same file again: every row that went in is there unchanged, nothing is written twice
        var again = upload(g.leadUser(), file(lead, 12_000));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        List<JsonNode> second = poll(g.leadUser(), again.header("Location"));
        JsonNode repeat = second.get(second.size() - 1);
        assertThat(repeat.get("status").asString()).isEqualTo("DONE");
        assertThat(repeat.get("created").asInt()).isZero();
        assertThat(repeat.get("corrected").asInt()).isZero();
        assertThat(repeat.get("unchanged").asInt()).isEqualTo(11_996);
        assertThat(repeat.get("rejectedRows").asInt()).isEqualTo(4);
        assertThat(facts(lead)).isEqualTo(2 + 11_994);
        assertThat(visitsInMay(lead)).isEqualByComparingTo("11996");
    }

    /**
     * Decision 0271: one file at a time goes to the worker in memory; an upload while it is held stores its file, which
     * the worker reads back when its turn comes. Both jobs end with every row written, and no file is left stored.
     */
    @Test
    void aFileUploadedWhileAnotherIsHeldInMemoryIsStored_andBothAreWritten() throws Exception {
        UUID lead = g.lead().value();
        var big = new StringBuilder(HEADER);
        for (int i = 1; i <= 12_000; i++) {
            big.append("H-").append(i).append(',').append(lead).append(",OUTPATIENT,2026-05-")
                    .append("%02dT10:%02d".formatted(1 + i % 28, i % 60)).append(",J06.9\n");
        }
        var first = upload(integrator, big.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String firstBefore = status(UUID.fromString(first.json().get("id").asString()));
        var second = upload(integrator, HEADER + "Q1," + lead + ",OUTPATIENT,2026-05-04T09:00,J06.9\nQ2," + lead
                + ",OUTPATIENT,2026-05-05T09:00,J06.9\n");
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        UUID waiting = UUID.fromString(second.json().get("id").asString());
        var row = jdbc.sql("select status, content is not null from indicators_import_job where id = ?").param(waiting)
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2)).single();
        assertThat(firstBefore).as("12,000 rows take longer than one small upload").isIn("QUEUED", "RUNNING");
        assertThat(row).as("uploaded while the first file is held: its own file is stored until its job ends")
                .isIn("QUEUED true", "RUNNING true", "DONE false");
        List<JsonNode> one = poll(integrator, first.header("Location"));
        List<JsonNode> two = poll(integrator, second.header("Location"));
        assertThat(one.get(one.size() - 1).get("created").asInt()).isEqualTo(12_000);
        assertThat(two.get(two.size() - 1).get("created").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from indicators_import_job where submitted_by = ? and content is not null")
                .param(integrator).query(Long.class).single()).isZero();
        assertThat(facts(lead)).isEqualTo(12_002);
    }

    @Test
    void aJobIsItsSubmittersAlone_andAMalformedFileOrAForeignInstitutionIsRefusedAtOnce() throws Exception {
        UUID lead = g.lead().value();
        var started = upload(integrator, HEADER + "S1," + lead + ",OUTPATIENT,2026-05-03T09:00,J06.9\n");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        List<JsonNode> polled = poll(integrator, location);
        assertThat(polled.get(polled.size() - 1).get("created").asInt()).isEqualTo(1);

        // the lead hospital's own staff, the planner, another integrator: told it does not exist
        for (String other : List.of(g.leadUser(), g.gpUser(), planner)) {
            assertThat(as(other).get(location).status()).as(other).isEqualTo(404);
            var list = as(other).get(PATH);
            assertThat(list.status()).as(other).isEqualTo(200);
            assertThat(list.body()).as(other).doesNotContain(started.json().get("id").asString());
        }
        assertThat(as(integrator).get(PATH + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(location).status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get(PATH).status()).isEqualTo(401);
        assertThat(Api.anonymous(port).sendBytes("POST", PATH, HEADER.getBytes(StandardCharsets.UTF_8), "text/csv").status())
                .isEqualTo(401);
        var mine = as(integrator).get(PATH);
        assertThat(mine.json().get(0).get("id").asString()).isEqualTo(started.json().get("id").asString());
        assertThat(mine.json().get(0).get("rejected")).isEmpty();

        // a family doctor of the primary site naming the lead hospital: 403, no job
        var foreign = upload(g.gpUser(), HEADER + "F1," + lead + ",OUTPATIENT,2026-05-03T09:00,J06.9\n");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.json().get("code").asString()).isEqualTo("INDICATORS-0002");
        assertThat(jobs(g.gpUser())).isZero();
        // a file without a required column, or with a line longer than the header: 400, no job
        var noKind = upload(g.leadUser(), "source_record_id,institution_id,occurred_at\nM1," + lead + ",2026-05-03T09:00\n");
        assertThat(noKind.status()).as(noKind.body()).isEqualTo(400);
        assertThat(noKind.json().get("code").asString()).isEqualTo("INDICATORS-0003");
        var ragged = upload(g.leadUser(), HEADER + "M2," + lead + ",OUTPATIENT,2026-05-03T09:00,J06.9,extra\n");
        assertThat(ragged.status()).as(ragged.body()).isEqualTo(400);
        assertThat(ragged.json().get("field").asString()).isEqualTo("file");
        assertThat(noKind.json().get("field").asString()).isEqualTo("kind");
        assertThat(jobs(g.leadUser())).isZero();
        assertThat(facts(lead)).isEqualTo(1);
    }

    @Test
    void theConsolePageShowsTheColumnsAndTheJobs_pollingWhileOneRuns_andAJobsRejectedRowsWhenDone() throws Exception {
        UUID lead = g.lead().value();
        UUID running = UUID.randomUUID();
        jdbc.sql("""
                insert into indicators_import_job (id, submitted_by, scope_type, scope_reference, file_name, status, rows_total,
                    rows_done, accepted_count, created_count, rejected_count, submitted_at, started_at)
                values (?, ?, 'INSTITUTION', ?, '就诊记录.csv', 'RUNNING', 3000, 1200, 1190, 1190, 10, current_timestamp,
                    current_timestamp)""")
                .params(running, g.leadUser(), lead.toString()).update();
        var staff = ConsoleSession.login(port, g.leadUser());
        var page = staff.get("/console/indicators/encounter-imports");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("上传就诊数据").contains("id=\"encounter-import-form\"")
                .contains("enctype=\"multipart/form-data\"").contains("id=\"encounter-import-columns\"")
                .contains("source_record_id").contains("operation_levels").contains("就诊时间（住院为出院时间）")
                .contains("id=\"encounter-import-jobs\"").contains("hx-trigger=\"every 2s\"")
                .contains("hx-get=\"/console/indicators/encounter-imports/jobs\"").contains("就诊记录.csv")
                .contains("1200 / 3000").contains("正在处理").contains("/console/indicators/encounter-imports/" + running)
                .contains("href=\"/console/indicators/encounter-imports\"").doesNotContain("<script>").doesNotContain("style=");
        var fragment = staff.get("/console/indicators/encounter-imports/jobs");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("hx-trigger=\"every 2s\"").contains("就诊记录.csv").doesNotContain("<html");

        // a real upload: redirected to the job's page; once done the fragment stops polling and lists the rejected rows
        byte[] csv = (HEADER + "W1," + lead + ",OUTPATIENT,2026-05-03T09:00,J06.9\nW2," + lead + ",VISIT,2026-05-03T09:00,J06.9\n")
                .getBytes(StandardCharsets.UTF_8);
        var upload = staff.postFile("/console/indicators/encounter-imports", Map.of(), "file", "五月.csv", csv, page);
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);
        String job = upload.location().substring(upload.location().lastIndexOf('/') + 1);
        assertThat(staff.get("/console/indicators/encounter-imports/" + job).body()).contains("五月.csv").contains("上传进度");
        poll(g.leadUser(), PATH + "/" + job);
        var done = staff.get("/console/indicators/encounter-imports/" + job + "/progress");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("已完成").doesNotContain("hx-trigger").contains("已处理 2 / 2 行（100%）")
                .contains("新增 1 条").contains("id=\"encounter-import-rejected\"").contains("格式不正确").doesNotContain("<html");

        // a malformed file comes back as the page with the problem; another user's job is not found; an office may not upload
        var bad = staff.postFile("/console/indicators/encounter-imports", Map.of(), "file", "bad.csv",
                "id,when\n1,2\n".getBytes(StandardCharsets.UTF_8), page);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"encounter-import-problem\"");
        var other = ConsoleSession.login(port, g.gpUser());
        assertThat(other.get("/console/indicators/encounter-imports/" + job).status()).isEqualTo(404);
        assertThat(other.get("/console/indicators/encounter-imports/jobs").body()).doesNotContain("五月.csv");
        String office = "of-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", office, Role.OFFICE, Scope.consortium(g.consortium().value())));
        assertThat(ConsoleSession.login(port, office).get("/console/indicators/encounter-imports").status()).isEqualTo(403);
    }
}
