package org.medunion.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.H2Test;
import org.medunion.web.ConsoleSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's diagnostics (issue 15) as the demo accounts meet them after the first start: shared centres with QC,
 * a year of results, the browser test's resident, decisions with every reason and orders in every state.
 */
@H2Test
class DemoDiagnosticsH2Test {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoCityLoader loader;

    @Test
    void changningAndNanningHaveSharedCentresWithQc() {
        var office = Api.as(port, "office").get("/api/diagnostics/centres");
        assertThat(office.status()).as(office.body()).isEqualTo(200);
        var changning = office.json().valueStream().filter(c -> c.get("institutionName").asString()
                .equals(DemoAccounts.LEAD_INSTITUTION)).toList();
        assertThat(changning.stream().map(c -> c.get("type").asString()).toList()).containsExactlyInAnyOrder("LAB", "IMAGING", "ECG",
                "STERILISATION");
        assertThat(changning).allSatisfy(c -> assertThat(c.get("members").size()).isGreaterThanOrEqualTo(2));
        assertThat(changning.stream().map(c -> c.get("consortiumId").asString()).distinct().count()).isEqualTo(1);
        List<String> names = jdbc.sql("select name from diagnostics_centre").query(String.class).list();
        assertThat(names).contains("南宁市第十一人民医院医学检验中心", "南宁市第十一人民医院医学影像中心", "南宁市第十二人民医院医学检验中心");
        String lead = changning.get(0).get("institutionId").asString();
        var qc = Api.as(port, "office").get("/api/diagnostics/qc/" + lead);
        assertThat(qc.status()).as(qc.body()).isEqualTo(200);
        assertThat(qc.json().valueStream().map(q -> q.get("itemCode").asString()).toList())
                .contains(DemoDiagnostics.HBA1C, DemoDiagnostics.ELECTROLYTES, DemoDiagnostics.CHEST_CT);
        assertThat(jdbc.sql("select count(*) from diagnostics_qc where scope_label = '广西'").query(Long.class).single())
                .isGreaterThanOrEqualTo(8);
    }

    /** SC-7: 长宁's sterilisation centre has stock, an expired batch and a recalled one whose trace names its holders. */
    @Test
    void changningsSterilisationCentreHasStockAnExpiredBatchAndARecallTheGpsCentreSees() {
        var centres = Api.as(port, "centre").get("/api/diagnostics/sterilisation/centres");
        assertThat(centres.status()).as(centres.body()).isEqualTo(200);
        JsonNode centre = centres.json().valueStream().filter(c -> c.get("name").asString().equals("长宁区域消毒供应中心")).findFirst()
                .orElseThrow();
        var batches = Api.as(port, "centre").get("/api/diagnostics/sterilisation/centres/" + centre.get("id").asString() + "/batches");
        assertThat(batches.status()).as(batches.body()).isEqualTo(200);
        List<JsonNode> all = batches.json().valueStream().toList();
        assertThat(all).hasSize(5);
        assertThat(all).anySatisfy(b -> assertThat(b.get("expired").asBoolean()).isTrue());
        assertThat(all.stream().filter(b -> b.get("usable").asBoolean()).mapToInt(b -> b.get("inStock").asInt()).sum()).isPositive();
        JsonNode recalled = all.stream().filter(b -> !b.get("recalledAt").isNull()).findFirst().orElseThrow();
        assertThat(recalled.get("biologicalIndicator").asString()).isEqualTo("FAIL");
        var trace = Api.as(port, "office").get("/api/diagnostics/sterilisation/batches/" + recalled.get("id").asString() + "/trace");
        assertThat(trace.status()).as(trace.body()).isEqualTo(200);
        assertThat(trace.json().get("holders").valueStream().map(h -> h.get("institutionName").asString()).toList())
                .contains(DemoAccounts.GP_INSTITUTION).hasSize(2);
        var receipts = Api.as(port, "gp").get("/api/diagnostics/sterilisation/receipts");
        assertThat(receipts.status()).as(receipts.body()).isEqualTo(200);
        assertThat(receipts.json().valueStream().filter(r -> r.get("recalled").asBoolean()).count()).isEqualTo(1);
        List<String> names = jdbc.sql("select name from diagnostics_centre where centre_type = 'STERILISATION'").query(String.class).list();
        assertThat(names).contains("南宁市第十一人民医院消毒供应中心", "南宁市第十二人民医院消毒供应中心");
    }

    @Test
    void theGpsResidentHasAFortyDayHba1cOfferedAndAnEightDayElectrolytePanelNot() {
        UUID resident = keyResident(jdbc);
        var hba1c = offer(resident, DemoDiagnostics.HBA1C);
        assertThat(hba1c.get("windowDays").asInt()).isEqualTo(60);
        JsonNode forty = candidate(hba1c, 40);
        assertThat(forty.get("offered").asBoolean()).isTrue();
        assertThat(forty.get("performerName").asString()).isEqualTo(DemoAccounts.LEAD_INSTITUTION);
        assertThat(forty.get("mark").asString()).isEqualTo("全国HR");
        assertThat(candidate(hba1c, 130).get("offered").asBoolean()).isFalse();

        var electrolytes = offer(resident, DemoDiagnostics.ELECTROLYTES);
        assertThat(electrolytes.get("windowDays").asInt()).isEqualTo(7);
        JsonNode eight = candidate(electrolytes, 8);
        assertThat(eight.get("offered").asBoolean()).isFalse();
        assertThat(eight.get("reasons").valueStream().map(r -> r.get("code").asString()).toList()).contains("WINDOW_EXCEEDED");
    }

    @Test
    void aYearOfResultsWithCriticalPreliminaryAndExpiredQc() {
        var row = jdbc.sql("""
                select count(*), count(distinct resident_id), min(result_date), sum(case when critical then 1 else 0 end),
                       sum(case when status = 'PRELIMINARY' then 1 else 0 end), count(distinct item_code)
                from diagnostics_report where order_id is null
                and item_code in ('HBA1C', 'ELEC4', 'GLU', 'LIPID4', 'CT-CHEST', 'ECG12')
                and performer_institution_id in (select id from registry_institution where district_code like '31%')""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2),
                        rs.getDate(3).toLocalDate().toEpochDay(), rs.getLong(4), rs.getLong(5), rs.getLong(6)})
                .single();
        assertThat(row[0]).as("reports").isGreaterThanOrEqualTo(100);
        assertThat(row[1]).as("30 residents of the gp's centre and the nursing home's one (decision 0260; Nanning's: "
                + "DemoDiagnosticsYearH2Test)").isEqualTo(31);
        assertThat(LocalDate.ofEpochDay(row[2])).as("oldest").isBefore(LocalDate.now(SHANGHAI).minusDays(300));
        assertThat(row[3]).as("critical").isPositive();
        assertThat(row[4]).as("preliminary").isPositive();
        assertThat(row[5]).as("items").isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from diagnostics_qc where valid_until < current_date").query(Long.class).single())
                .as("an expired QC pass").isPositive();
    }

    @Test
    void recognitionsAndReexaminationsWithEveryReason() {
        Set<String> reasons = new HashSet<>(jdbc.sql("select reason_code from diagnostics_decision where outcome = 'REEXAMINED'")
                .query(String.class).list());
        assertThat(reasons).contains("01", "02", "03", "04", "05", "06", "07", "08", "98", "99");
        assertThat(jdbc.sql("select count(*) from diagnostics_decision where reason_code in ('07', '08') and reason_text is null")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from diagnostics_decision where outcome = 'RECOGNISED' and report_id is not null
                and avoided_price > 0 and decided_by = 'gp'""").query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theCentreWorksOrdersInEveryState() {
        var list = Api.as(port, "centre").get("/api/diagnostics/orders");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Set<String> states = new HashSet<>();
        boolean overdue = false;
        boolean unacknowledged = false;
        for (var o : list.json()) {
            states.add(o.get("status").asString());
            overdue |= o.get("overdue").asBoolean();
            unacknowledged |= o.get("critical").asBoolean() && o.get("criticalAcknowledgedAt").isNull();
        }
        assertThat(states).contains("ORDERED", "RECEIVED", "IN_PROGRESS", "REPORTED", "CANCELLED", "REJECTED");
        assertThat(overdue).as("an overdue order").isTrue();
        assertThat(unacknowledged).as("a critical result nobody acknowledged").isTrue();
        var gp = Api.as(port, "gp").get("/api/diagnostics/orders");
        assertThat(gp.json().valueStream().filter(o -> o.get("orderedBy").asString().equals("gp")).count()).isGreaterThanOrEqualTo(9);
        // SC-3: the gp sees the order the lab sent back, the reason in words, with a re-order link
        var worklist = ConsoleSession.login(port, "gp").get("/console/diagnostics/worklist");
        assertThat(worklist.status()).isEqualTo(200);
        assertThat(worklist.body()).contains("section-rejected").contains("标本溶血").contains("重新开单");
    }

    /** Decision 0230: the demo accounts meet every diagnostics resource type over FHIR on the first start. */
    @Test
    void theDemoAccountsSeeEveryDiagnosticsTypeOverFhir() {
        var centre = Api.as(port, "centre");
        String lead = jdbc.sql("""
                select c.institution_id from diagnostics_order o join diagnostics_centre c on c.id = o.centre_id
                 where o.status = 'ORDERED' and o.ordered_by = 'gp'""").query(UUID.class).list().get(0).toString();
        var queue = centre.getFhir("/fhir/Task?code=centre-order&owner=Organization/" + lead + "&status=requested").json();
        assertThat(queue.get("total").asInt()).isPositive();
        String resident = queue.get("entry").get(0).get("resource").get("for").get("reference").asString();
        var gp = Api.as(port, "gp");
        assertThat(gp.getFhir("/fhir/ServiceRequest?category=centre-order&patient=" + resident).json().get("total").asInt())
                .isPositive();
        // the CT re-examined at order entry names the order it placed
        var ct = jdbc.sql("select resident_id from diagnostics_decision where order_id is not null").query(UUID.class).list();
        assertThat(ct).hasSize(1);
        var issues = gp.getFhir("/fhir/DetectedIssue?patient=Patient/" + ct.get(0)).body();
        assertThat(issues).contains("DUPTHPY").contains("-order\"").contains("\"98\"");
        UUID imaged = jdbc.sql("select resident_id from diagnostics_report where study_url is not null fetch first 1 rows only")
                .query(UUID.class).single();
        var studies = gp.getFhir("/fhir/ImagingStudy?patient=Patient/" + imaged).json();
        assertThat(studies.get("total").asInt()).isPositive();
        String endpoint = studies.get("entry").get(0).get("resource").get("endpoint").get(0).get("reference").asString();
        assertThat(gp.getFhir("/fhir/" + endpoint).json().get("address").asString()).startsWith("https://pacs.demo.medunion.cn/");
        assertThat(gp.getFhir("/fhir/VerificationResult?target=Organization/" + lead).json().get("total").asInt()).isPositive();
    }

    /** Decision 0236: the gp's imaging orders hold the lead's exam slots, reserved share with priority; a cancelled one not. */
    @Test
    void imagingOrdersHoldTheLeadsExamSlotsWithPriority() {
        List<String> rows = jdbc.sql("""
                select o.status, e.reserved_share, e.priority, e.released_at from diagnostics_order_exam e
                  join diagnostics_order o on o.id = e.order_id order by o.status""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3) + " "
                        + (rs.getTimestamp(4) == null ? "held" : "released"))
                .list();
        assertThat(rows).containsExactly("CANCELLED true true released", "ORDERED true true held", "RECEIVED true true held");
        var worklist = ConsoleSession.login(port, "centre").get("/console/diagnostics/worklist");
        assertThat(worklist.body()).contains("预约检查时间").contains("胸部X线摄影（DR）").contains("签约居民优先检查");
    }

    @Test
    void aLaterStartSeedsNothingAgain() {
        long before = jdbc.sql("select count(*) from diagnostics_report").query(Long.class).single();
        loader.seedDiagnostics();
        assertThat(jdbc.sql("select count(*) from diagnostics_report").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * Decision 0231: the sample file of docs/samples, with the ID number of a resident the lead hospital reports for,
     * imported by the demo's centre account from the menu's page or REST: three reports written, the two rows refused
     * on purpose listed, nothing written twice on the second upload.
     */
    @Test
    void theCentreImportsTheSampleResultFile() throws Exception {
        UUID key = keyResident(jdbc);
        String id = jdbc.sql("""
                select r.id_number from residents_resident r join diagnostics_report d on d.resident_id = r.id
                join registry_institution i on i.id = d.performer_institution_id
                where i.name = ? and r.id <> ? order by r.id_number fetch first 1 rows only""")
                .params(DemoAccounts.LEAD_INSTITUTION, key).query(String.class).single();
        String sample = Files.readString(Path.of("docs/samples/result-import-sample.csv")).replace("310105195603121235", id);
        var centre = Api.as(port, "centre");
        var first = centre.sendBytes("POST", "/api/diagnostics/results/import", sample.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        assertThat(first.json().get("rejected").valueStream().map(r -> r.get("code").asString()).toList())
                .containsExactly("DIAGNOSTICS-0040", "DIAGNOSTICS-0037");
        var again = centre.sendBytes("POST", "/api/diagnostics/results/import", sample.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(again.json().get("existing").asInt()).isEqualTo(3);
        assertThat(again.json().get("created").asInt()).isZero();
        var home = ConsoleSession.login(port, "centre").get("/console/diagnostics/import");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/console/diagnostics/import\"").contains("导入检验结果");
    }

    /** The resident with an HbA1c 40 days old and an electrolyte panel 8 days old (also the browser test's). */
    static UUID keyResident(JdbcClient jdbc) {
        return jdbc.sql("""
                select a.resident_id from diagnostics_report a join diagnostics_report e on e.resident_id = a.resident_id
                where a.item_code = 'HBA1C' and a.result_date = :forty and e.item_code = 'ELEC4' and e.result_date = :eight""")
                .param("forty", LocalDate.now(SHANGHAI).minusDays(40)).param("eight", LocalDate.now(SHANGHAI).minusDays(8))
                .query(UUID.class).single();
    }

    private JsonNode offer(UUID resident, String item) {
        var r = Api.as(port, "gp").get("/api/diagnostics/recognisable?residentId=" + resident + "&itemCode=" + item);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode candidate(JsonNode offer, int ageDays) {
        return offer.get("candidates").valueStream().filter(c -> c.get("ageDays").asInt() == ageDays).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + ageDays + " days old in " + offer));
    }
}
