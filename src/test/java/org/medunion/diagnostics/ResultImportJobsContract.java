package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.shared.Masking;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Result import jobs (decision 0238): a file of more than 2,000 rows is checked for its structure in the request,
 * then imported in the background — 202 with a job to poll, whose rows done grow to the total; its rejected rows are
 * listed (ID numbers masked) once it has ended. Only the performing institution's staff and administrators see the job;
 * a bad file is refused at once with nothing stored; uploading the file again writes nothing twice. The console shows a
 * progress fragment that htmx polls every second until the job has ended.
 */
abstract class ResultImportJobsContract extends RunningCity {

    static final String HEADER = "report_number,id_number,item_code,result_date,value,unit\n";

    String idNumber(UUID resident) {
        return jdbc.sql("select id_number from residents_resident where id = ?").param(resident).query(String.class).single();
    }

    long reports(UUID resident) {
        return jdbc.sql("select count(*) from diagnostics_report where resident_id = ?").param(resident).query(Long.class).single();
    }

    long jobs(UUID performer) {
        return jdbc.sql("select count(*) from diagnostics_import_job where performer_institution_id = ?").param(performer)
                .query(Long.class).single();
    }

    /** {@code rows} reports of one row each; row 11 has no real date, row 21 an ID number with a wrong check digit. */
    static String file(DiagnosticsFixture w, String id, String tag, int rows) {
        String badId = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
        var out = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            String date = i == 11 ? "2026-02-30" : w.today.minusDays(i % 200).toString();
            out.append(tag).append('-').append(i).append(',').append(i == 21 ? badId : id).append(',').append(w.hba1c).append(',')
                    .append(date).append(",6.").append(i % 10).append(",%\n");
        }
        return out.toString();
    }

    Api.Response post(DiagnosticsFixture w, String user, String csv) {
        return w.as(user).sendBytes("POST", "/api/diagnostics/results/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /** Polls the job until it has ended (at most two minutes), returning every answer seen. */
    List<JsonNode> poll(DiagnosticsFixture w, String user, String location) throws InterruptedException {
        var seen = new ArrayList<JsonNode>();
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            var r = w.as(user).get(location);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            seen.add(r.json());
            String status = r.json().get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED") || status.equals("INTERRUPTED")) {
                return seen;
            }
            Thread.sleep(40);
        }
        throw new AssertionError("the job did not end within two minutes: " + seen.get(seen.size() - 1));
    }

    @Test
    void aLargeFileBecomesAJob_itsProgressGrowsToTheTotal_onlyTheInstitutionSeesIt_andARepeatWritesNothing() throws Exception {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String id = idNumber(w.resident);
        String badId = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
        String csv = file(w, id, "J", 2_400);

        var started = post(w, w.centreStaff, csv);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        String location = "/api/diagnostics/results/import/" + job;
        assertThat(started.header("Location")).isEqualTo(location);
        assertThat(started.json().get("rowsTotal").asInt()).isEqualTo(2_400);
        assertThat(started.json().get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");

        List<JsonNode> seen = poll(w, w.centreStaff, location);
        int last = -1;
        boolean between = false;
        for (JsonNode s : seen) {
            int done = s.get("rowsDone").asInt();
            assertThat(done).as("rows done never go back").isGreaterThanOrEqualTo(last);
            between |= s.get("status").asString().equals("RUNNING") && done > 0 && done < 2_400;
            last = done;
        }
        assertThat(between).as("a running job was seen part way: " + seen.size() + " polls").isTrue();
        JsonNode end = seen.get(seen.size() - 1);
        assertThat(end.get("status").asString()).isEqualTo("DONE");
        assertThat(end.get("rowsDone").asInt()).isEqualTo(2_400);
        assertThat(end.get("percent").asInt()).isEqualTo(100);
        assertThat(end.get("created").asInt()).isEqualTo(2_398);
        assertThat(end.get("existing").asInt()).isZero();
        assertThat(end.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(end.get("rejected")).hasSize(2);
        assertThat(end.get("rejected").get(0).get("row").asInt()).isEqualTo(11);
        assertThat(end.get("rejected").get(0).get("code").asString()).isEqualTo("DIAGNOSTICS-0040");
        assertThat(end.get("rejected").get(1).get("row").asInt()).isEqualTo(21);
        assertThat(end.get("rejected").get(1).get("code").asString()).isEqualTo("GB11643.checksum");
        assertThat(end.toString()).doesNotContain(badId).contains(Masking.residentId(badId));
        assertThat(reports(w.resident)).isEqualTo(2_398);
        assertThat(jdbc.sql("select count(*) from diagnostics_import_job where id = ? and content is null")
                .param(UUID.fromString(job)).query(Long.class).single()).as("the file is dropped once done").isEqualTo(1);

        // the performing institution's staff and administrators see the job; anyone else is told it does not exist
        assertThat(w.as(w.specialist).get(location).status()).isEqualTo(200);
        assertThat(w.admin().get(location).status()).isEqualTo(200);
        for (String other : List.of(w.outsider, w.gp, w.office, w.districtUser)) {
            assertThat(w.as(other).get(location).status()).as(other).isEqualTo(404);
            assertThat(w.as(other).get("/api/diagnostics/results/import").body()).as(other).doesNotContain(job);
        }
        assertThat(w.as(w.centreStaff).get("/api/diagnostics/results/import/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(location).status()).isEqualTo(401);
        var list = w.as(w.specialist).get("/api/diagnostics/results/import");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).get("id").asString()).isEqualTo(job);

        // the same file again: every report is already there, nothing is written twice
        var again = post(w, w.centreStaff, csv);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        List<JsonNode> second = poll(w, w.centreStaff, again.header("Location"));
        JsonNode repeat = second.get(second.size() - 1);
        assertThat(repeat.get("status").asString()).isEqualTo("DONE");
        assertThat(repeat.get("created").asInt()).isZero();
        assertThat(repeat.get("existing").asInt()).isEqualTo(2_398);
        assertThat(repeat.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(reports(w.resident)).isEqualTo(2_398);
    }

    @Test
    void twoThousandRowsStayInTheRequest_aBadLargeFileIsRefusedAtOnce_nothingStored() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String id = idNumber(w.resident);
        // 2,000 rows: imported in the request as before (200 with the figures), no job
        var small = post(w, w.centreStaff, file(w, id, "S", 2_000));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(small.json().get("created").asInt()).isEqualTo(1_998);
        assertThat(small.json().has("status")).isFalse();
        assertThat(jobs(w.lead)).isZero();

        // 2,001 rows without the value column: refused before any job, naming the column
        String noValue = file(w, id, "B", 2_001).replace(",value,", ",amount,");
        var refused = post(w, w.centreStaff, noValue);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("import.missingColumn").contains("value");
        // more than 100,000 rows: refused at once
        var tooMany = post(w, w.centreStaff, file(w, id, "M", 100_001));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body()).contains("list.tooMany");
        // an institution outside every consortium imports nothing, a large file neither
        assertThat(post(w, w.outsider, file(w, id, "O", 2_001)).status()).isEqualTo(403);
        assertThat(jobs(w.lead)).isZero();
        assertThat(jobs(w.outside)).isZero();
        assertThat(reports(w.resident)).isEqualTo(1_998);

        // the upload limit is 10 MB (the request filter lets 11 MB through for the form): above it 400, far above 413
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        var tooLarge = w.as(w.centreStaff).sendBytes("POST", "/api/diagnostics/results/import", big, "text/csv");
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("upload.tooLarge");
        var huge = w.as(w.centreStaff).sendBytes("POST", "/api/diagnostics/results/import", new byte[12 * 1024 * 1024], "text/csv");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(jobs(w.lead)).isZero();
    }

    @Test
    void theConsoleShowsAProgressBarThatPollsWhileRunning_andTheRejectedRowsWhenDone() throws Exception {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String id = idNumber(w.resident);
        // a job part way, as the worker leaves it between two batches
        UUID running = UUID.randomUUID();
        jdbc.sql("""
                insert into diagnostics_import_job (id, performer_institution_id, uploaded_by, file_name, status, rows_total, rows_done,
                    created_count, existing_count, rejected_count, submitted_at, started_at)
                values (?, ?, ?, '检验结果.csv', 'RUNNING', 3000, 1200, 1190, 5, 5, current_timestamp, current_timestamp)""")
                .params(running, w.lead, w.centreStaff).update();
        var lab = ConsoleSession.login(port, w.centreStaff);
        var fragment = lab.get("/console/diagnostics/import/jobs/" + running + "/progress");
        assertThat(fragment.status()).as(fragment.body()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"import-progress\"").contains("hx-trigger=\"every 1s\"")
                .contains("hx-get=\"/console/diagnostics/import/jobs/" + running + "/progress\"").contains("<progress")
                .contains("value=\"1200\"").contains("max=\"3000\"").contains("已处理 1,200 / 3,000 行（40%）")
                .contains("正在导入").doesNotContain("<html").doesNotContain("<script");
        var page = lab.get("/console/diagnostics/import");
        assertThat(page.body()).contains("id=\"import-jobs\"").contains("检验结果.csv").contains("1200 / 3000")
                .contains("/console/diagnostics/import/jobs/" + running);

        // a real upload of 2,001 rows: redirected to the job's page; once done the fragment stops polling
        byte[] csv = file(w, id, "C", 2_001).getBytes(StandardCharsets.UTF_8);
        var upload = lab.postFile("/console/diagnostics/import", Map.of(), "file", "结果.csv", csv, page);
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);
        assertThat(upload.location()).contains("/console/diagnostics/import/jobs/");
        String job = upload.location().substring(upload.location().lastIndexOf('/') + 1);
        var jobPage = lab.get("/console/diagnostics/import/jobs/" + job);
        assertThat(jobPage.status()).isEqualTo(200);
        assertThat(jobPage.body()).contains("id=\"import-progress\"").contains("结果.csv").contains("导入进度");
        poll(w, w.centreStaff, "/api/diagnostics/results/import/" + job);
        var done = lab.get("/console/diagnostics/import/jobs/" + job + "/progress");
        assertThat(done.body()).contains("已完成").doesNotContain("hx-trigger").contains("value=\"2001\"")
                .contains("新写入报告 1,999 份").contains("id=\"import-rejected\"").contains("结果日期")
                .doesNotContain(id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1"));

        // another institution's staff: not found; a consortium office has no import page
        var outsider = ConsoleSession.login(port, w.outsider);
        assertThat(outsider.get("/console/diagnostics/import/jobs/" + running + "/progress").status()).isEqualTo(404);
        assertThat(outsider.get("/console/diagnostics/import/jobs/" + job).status()).isEqualTo(404);
        assertThat(ConsoleSession.login(port, w.office).get("/console/diagnostics/import/jobs/" + job + "/progress").status())
                .isEqualTo(403);
    }
}
