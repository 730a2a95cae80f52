package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.candidate;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.shared.Masking;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.Multipart;
import org.medunion.support.RunningCity;
import org.medunion.support.Workbooks;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Result import (issue 15, decision 0231): a performing member's LIS sends reports in over FHIR (transaction Bundle or
 * create) or as a CSV/Excel file. Accepted reports are offered for recognition; a resubmission returns the same
 * report; malformed, unknown, unmapped, foreign and duplicate input is refused naming the element or row, with nothing
 * half-written and ID numbers masked.
 */
abstract class DiagnosticsImportContract extends RunningCity {

    private static final String MEMBER_SYSTEM = "https://lis.example/report";

    /** The fixture with the lead's own LIS code LIS-GHB mapped to HbA1c. */
    DiagnosticsFixture world() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        ok(w.admin().post("/api/diagnostics/code-map", """
                {"institutionId":"%s","memberCode":"LIS-GHB-%s","itemCode":"%s"}""".formatted(w.lead, w.hba1c, w.hba1c)), 201);
        return w;
    }

    String idNumber(UUID resident) {
        return jdbc.sql("select id_number from residents_resident where id = ?").param(resident).query(String.class).single();
    }

    long reports(UUID resident) {
        return jdbc.sql("select count(*) from diagnostics_report where resident_id = ?").param(resident).query(Long.class).single();
    }

    long audited(String reportId) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'DiagnosticReport' and object_id = ? and action = 'CREATE'"
                + " and resident_ref = (select cast(resident_id as varchar(64)) from diagnostics_report where id = ?)")
                .params(reportId, UUID.fromString(reportId)).query(Long.class).single();
    }

    /** A DiagnosticReport entry (the lead's LIS code, two bundled Observations) as JSON. */
    static String reportEntry(DiagnosticsFixture w, String identifier, UUID subject, String codeSystem, String code, String performer,
                              String observations) {
        return """
                {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"DiagnosticReport",
                  "identifier":[{"system":"%s","value":"%s"}],"status":"final",
                  "code":{"coding":[{"system":"%s","code":"%s"}]},"subject":{"reference":"Patient/%s"},
                  "effectiveDateTime":"%s","performer":[{"reference":"Organization/%s"}],"conclusion":"血糖控制尚可",
                  "result":[%s]},
                 "request":{"method":"POST","url":"DiagnosticReport"}}""".formatted(UUID.randomUUID(), MEMBER_SYSTEM, identifier,
                codeSystem, code, subject, w.today.minusDays(10), performer, observations);
    }

    static String observationEntry(String fullUrl, String value) {
        return """
                {"fullUrl":"%s","resource":{"resourceType":"Observation","status":"final",
                  "code":{"coding":[{"system":"http://loinc.org","code":"4548-4","display":"糖化血红蛋白A1c"}]},
                  %s,"referenceRange":[{"low":{"value":4.0,"unit":"%%"},"high":{"value":6.0,"unit":"%%"}}],
                  "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N"}]}]},
                 "request":{"method":"POST","url":"Observation"}}"""
                .formatted(fullUrl, value);
    }

    static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    String goodBundle(DiagnosticsFixture w, String identifier) {
        return bundle(reportEntry(w, identifier, w.resident, MEMBER_SYSTEM, "LIS-GHB-" + w.hba1c, w.lead.toString(),
                "{\"reference\":\"urn:uuid:o1-" + identifier + "\"}"),
                observationEntry("urn:uuid:o1-" + identifier, "\"valueQuantity\":{\"value\":6.1,\"unit\":\"%\"}"));
    }

    static String issueExpression(Api.Response r) {
        return r.json().get("issue").get(0).get("expression").get(0).asString();
    }

    @Test
    void aMembersLisSendsABundle_theReportIsOfferedAuditedValid_andAResubmissionReturnsTheSameReport() {
        var w = world();
        var sent = w.as(w.centreStaff).postFhir("/fhir", goodBundle(w, "R-1"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        FhirValidation.assertValid(sent.body());
        JsonNode entry = sent.json().get("entry").get(0);
        assertThat(entry.get("response").get("status").asString()).isEqualTo("201 Created");
        String id = entry.get("resource").get("id").asString();
        assertThat(entry.get("resource").get("code").get("coding").get(0).get("code").asString()).isEqualTo(w.hba1c);
        assertThat(audited(id)).isEqualTo(1);

        JsonNode offer = w.offer(w.gp, w.hba1c);
        JsonNode c = candidate(offer, id);
        assertThat(c.get("offered").asBoolean()).isTrue();
        assertThat(c.get("ageDays").asLong()).isEqualTo(10);
        var read = w.as(w.gp).getFhir("/fhir/DiagnosticReport/" + id);
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        var obs = w.as(w.gp).getFhir("/fhir/Observation/" + id + "-1");
        FhirValidation.assertValid(obs.body());
        assertThat(obs.json().get("valueQuantity").get("value").asDouble()).isEqualTo(6.1);
        assertThat(obs.json().get("referenceRange").get(0).get("text").asString()).isEqualTo("4.0-6.0");

        var again = w.as(w.centreStaff).postFhir("/fhir", goodBundle(w, "R-1"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("entry").get(0).get("response").get("status").asString()).isEqualTo("200 OK");
        assertThat(again.json().get("entry").get(0).get("resource").get("id").asString()).isEqualTo(id);
        assertThat(reports(w.resident)).isEqualTo(1);
        assertThat(audited(id)).isEqualTo(1);
    }

    @Test
    void aSingleCreateWithContainedObservations_criticalFromHH_resendIs200WithTheSameId() {
        var w = world();
        String report = """
                {"resourceType":"DiagnosticReport","contained":[{"resourceType":"Observation","id":"k","status":"final",
                  "code":{"text":"钾"},"valueQuantity":{"value":6.9,"unit":"mmol/L"},
                  "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"HH"}]}]}],
                 "identifier":[{"system":"%s","value":"K-7"}],"status":"preliminary",
                 "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/diagnostic-item","code":"%s"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s","result":[{"reference":"#k"}]}"""
                .formatted(MEMBER_SYSTEM, w.potassium, w.resident, w.today.minusDays(1));
        var created = w.as(w.centreStaff).postFhir("/fhir/DiagnosticReport", report);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        String id = created.json().get("id").asString();
        var view = ok(w.as(w.gp).get("/api/diagnostics/results/" + id), 200);
        assertThat(view.get("critical").asBoolean()).isTrue();
        assertThat(view.get("status").asString()).isEqualTo("PRELIMINARY");
        assertThat(view.get("performerInstitutionId").asString()).isEqualTo(w.lead.toString());
        assertThat(view.get("observations").get(0).get("value").asString()).isEqualTo("6.9");
        // NAT-R-12: critical and preliminary results are not offered
        assertThat(candidate(w.offer(w.gp, w.potassium), id).get("offered").asBoolean()).isFalse();
        var again = w.as(w.centreStaff).postFhir("/fhir/DiagnosticReport", report);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(reports(w.resident)).isEqualTo(1);
    }

    @Test
    void refusedBundlesNameTheElementAndWriteNothing() {
        var w = world();
        String good = reportEntry(w, "G-1", w.resident, MEMBER_SYSTEM, "LIS-GHB-" + w.hba1c, w.lead.toString(),
                "{\"reference\":\"urn:uuid:og\"}");
        String goodObs = observationEntry("urn:uuid:og", "\"valueQuantity\":{\"value\":6.1,\"unit\":\"%\"}");
        // the second report's Observation has no value: the first report is not written either
        var noValue = w.as(w.centreStaff).postFhir("/fhir", bundle(good, goodObs,
                reportEntry(w, "G-2", w.resident, MEMBER_SYSTEM, "LIS-GHB-" + w.hba1c, w.lead.toString(),
                        "{\"reference\":\"urn:uuid:ob\"}"),
                observationEntry("urn:uuid:ob", "\"note\":[{\"text\":\"溶血\"}]")));
        assertThat(noValue.status()).as(noValue.body()).isEqualTo(400);
        assertThat(issueExpression(noValue)).isEqualTo("Bundle.entry[3].resource.value[x]");
        var unknownItem = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-3", w.resident,
                "https://medunion.example/fhir/CodeSystem/diagnostic-item", "NO-SUCH-" + w.hba1c, w.lead.toString(), "")));
        assertThat(unknownItem.status()).as(unknownItem.body()).isEqualTo(400);
        assertThat(issueExpression(unknownItem)).isEqualTo("Bundle.entry[0].resource.code");
        var unmapped = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-4", w.resident, MEMBER_SYSTEM, "LIS-UNMAPPED",
                w.lead.toString(), "")));
        assertThat(unmapped.status()).isEqualTo(400);
        assertThat(issueExpression(unmapped)).isEqualTo("Bundle.entry[0].resource.code");
        assertThat(unmapped.body()).contains("DIAGNOSTICS-0037").contains("LIS-UNMAPPED");
        // a resident the performer has no care relationship with: the same answer as an unknown one
        var stranger = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-5", w.stranger, MEMBER_SYSTEM,
                "LIS-GHB-" + w.hba1c, w.lead.toString(), "")));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(issueExpression(stranger)).isEqualTo("Bundle.entry[0].resource.subject");
        var unknown = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-6", UUID.randomUUID(), MEMBER_SYSTEM,
                "LIS-GHB-" + w.hba1c, w.lead.toString(), "")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(issueExpression(unknown)).isEqualTo("Bundle.entry[0].resource.subject");
        assertThat(unknown.json().get("issue").get(0).get("diagnostics").asString())
                .isEqualTo(stranger.json().get("issue").get(0).get("diagnostics").asString());
        // another institution's result: the lead's staff cannot send what the district hospital performed
        var foreign = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-7", w.resident, MEMBER_SYSTEM,
                "LIS-GHB-" + w.hba1c, w.district.toString(), "")));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(issueExpression(foreign)).isEqualTo("Bundle.entry[0].resource.performer");
        var patient = w.as(w.centreStaff).postFhir("/fhir", bundle(good, goodObs,
                "{\"resource\":{\"resourceType\":\"Patient\"},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}"));
        assertThat(patient.status()).isEqualTo(400);
        assertThat(issueExpression(patient)).isEqualTo("Bundle.entry[2].resource");
        var dangling = w.as(w.centreStaff).postFhir("/fhir", bundle(reportEntry(w, "G-8", w.resident, MEMBER_SYSTEM,
                "LIS-GHB-" + w.hba1c, w.lead.toString(), "{\"reference\":\"urn:uuid:nowhere\"}")));
        assertThat(dangling.status()).isEqualTo(400);
        assertThat(issueExpression(dangling)).isEqualTo("Bundle.entry[0].resource.result[0]");
        var noIdentifier = w.as(w.centreStaff).postFhir("/fhir", bundle(good.replace("\"identifier\":[{\"system\":\"" + MEMBER_SYSTEM
                + "\",\"value\":\"G-1\"}],", ""), goodObs));
        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(issueExpression(noIdentifier)).isEqualTo("Bundle.entry[0].resource.identifier");
        // an institution outside every consortium is no member: 403
        var outsider = w.as(w.outsider).postFhir("/fhir", bundle(reportEntry(w, "G-9", w.resident, MEMBER_SYSTEM,
                "LIS-GHB-" + w.hba1c, w.outside.toString(), "")));
        assertThat(outsider.status()).as(outsider.body()).isEqualTo(403);
        assertThat(Api.anonymous(port).postFhir("/fhir", goodBundle(w, "G-10")).status()).isEqualTo(401);
        assertThat(reports(w.resident)).isZero();
        assertThat(reports(w.stranger)).isZero();
    }

    String csv(DiagnosticsFixture w, String... rows) {
        return "report_number,id_number,item_code,result_date,status,observation_code,observation_name,value,unit,reference_range,"
                + "critical,conclusion\n" + String.join("\n", rows) + "\n";
    }

    Api.Response postCsv(DiagnosticsFixture w, String user, String body) {
        return w.as(user).sendBytes("POST", "/api/diagnostics/results/import", body.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    @Test
    void aCsvOfLabValuesIsImported_partlyBadRowsListedMasked_allBadWritesNothing_aRepeatIsCounted() throws IOException {
        var w = world();
        String id = idNumber(w.resident);
        String date = w.today.minusDays(5).toString();
        String good = csv(w, "L-1,%s,LIS-GHB-%s,%s,final,GHB,糖化血红蛋白,6.2,%%,4.0-6.0,N,".formatted(id, w.hba1c, date),
                "L-2,%s,%s,%s,final,K,钾,4.1,mmol/L,3.5-5.3,,".formatted(id, w.potassium, date),
                "L-2,%s,%s,%s,final,NA,钠,140,mmol/L,137-147,,".formatted(id, w.potassium, date));
        JsonNode done = ok(postCsv(w, w.centreStaff, good), 200);
        assertThat(done.get("rows").asInt()).isEqualTo(3);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("existing").asInt()).isZero();
        assertThat(done.get("rejected")).isEmpty();
        assertThat(reports(w.resident)).isEqualTo(2);
        JsonNode offer = w.offer(w.gp, w.hba1c);
        assertThat(offer.get("candidates").get(0).get("offered").asBoolean()).isTrue();
        JsonNode twoValues = w.offer(w.gp, w.potassium).get("candidates").get(0);
        var k = ok(w.as(w.gp).get("/api/diagnostics/results/" + twoValues.get("reportId").asString()), 200);
        assertThat(k.get("observations")).hasSize(2);

        JsonNode repeat = ok(postCsv(w, w.centreStaff, good), 200);
        assertThat(repeat.get("created").asInt()).isZero();
        assertThat(repeat.get("existing").asInt()).isEqualTo(2);
        assertThat(reports(w.resident)).isEqualTo(2);

        String badId = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
        var partly = postCsv(w, w.centreStaff, csv(w, "L-3,%s,%s,%s,,,,5.8,%%,,,".formatted(id, w.hba1c, date),
                "L-4,%s,%s,%s,,,,5.9,%%,,,".formatted(badId, w.hba1c, date),
                "L-5,%s,LIS-NONE,%s,,,,5.9,%%,,,".formatted(id, date),
                "L-6,%s,%s,2026-02-30,,,,5.9,%%,,,".formatted(id, w.hba1c)));
        assertThat(partly.status()).as(partly.body()).isEqualTo(200);
        assertThat(partly.body()).doesNotContain(badId).contains(Masking.residentId(badId));
        JsonNode p = partly.json();
        assertThat(p.get("created").asInt()).isEqualTo(1);
        assertThat(p.get("rejected")).hasSize(3);
        assertThat(p.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(p.get("rejected").get(0).get("code").asString()).isEqualTo("GB11643.checksum");
        assertThat(p.get("rejected").get(1).get("row").asInt()).isEqualTo(3);
        assertThat(p.get("rejected").get(1).get("code").asString()).isEqualTo("DIAGNOSTICS-0037");
        assertThat(p.get("rejected").get(2).get("code").asString()).isEqualTo("DIAGNOSTICS-0040");
        assertThat(reports(w.resident)).isEqualTo(3);

        // a report whose second row is refused is not written at all; a stranger is refused with the masked number
        String strangerId = idNumber(w.stranger);
        var allBad = postCsv(w, w.centreStaff, csv(w, "L-7,%s,%s,%s,,,,5.8,%%,,,".formatted(id, w.hba1c, date),
                "L-7,%s,%s,%s,,,,,%%,,,".formatted(id, w.hba1c, date),
                "L-8,%s,%s,%s,,,,5.8,%%,,,".formatted(strangerId, w.hba1c, date)));
        assertThat(allBad.status()).as(allBad.body()).isEqualTo(422);
        assertThat(allBad.body()).doesNotContain(strangerId).contains(Masking.residentId(strangerId));
        assertThat(allBad.json().get("created").asInt()).isZero();
        assertThat(allBad.json().get("rejected")).hasSize(3);
        assertThat(reports(w.resident)).isEqualTo(3);
        assertThat(reports(w.stranger)).isZero();

        // the same rows as an uploaded .xlsx over REST: already there
        var xlsx = Multipart.of(Map.of(), "file", "results.xlsx", Workbooks.of(List.of(
                List.of("report_number", "id_number", "item_code", "result_date", "value"),
                List.of("L-1", id, "LIS-GHB-" + w.hba1c, date, "6.2"))));
        var uploaded = w.as(w.centreStaff).sendBytes("POST", "/api/diagnostics/results/import", xlsx.body(), xlsx.contentType());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("existing").asInt()).isEqualTo(1);
        var notXlsx = Multipart.of(Map.of(), "file", "results.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        var unreadable = w.as(w.centreStaff).sendBytes("POST", "/api/diagnostics/results/import", notXlsx.body(), notXlsx.contentType());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).contains("upload.unreadable");
        var noColumns = postCsv(w, w.centreStaff, "a,b\n1,2\n");
        assertThat(noColumns.status()).isEqualTo(422);
        assertThat(noColumns.body()).contains("import.missingColumn").contains("文件缺少“报告单号”列");
        var outsider = postCsv(w, w.outsider, good);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(Api.anonymous(port).sendBytes("POST", "/api/diagnostics/results/import",
                good.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(401);
        assertThat(reports(w.resident)).isEqualTo(3);
    }

    @Test
    void theLabImportsAnExcelFileInTheConsole_withTemplate_unreadableIs400_outsiderIs403() throws IOException {
        var w = world();
        String id = idNumber(w.resident);
        var lab = ConsoleSession.login(port, w.centreStaff);
        var page = lab.get("/console/diagnostics/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"result-import\"").contains("enctype=\"multipart/form-data\"")
                .contains("/console/diagnostics/import").contains("报告单号").doesNotContain("??");
        var template = lab.get("/console/diagnostics/import/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).contains("\"报告单号\",\"身份证号\",\"项目编码\",\"结果日期\"");
        byte[] xlsx = Workbooks.of(List.of(List.of("报告单号", "身份证号", "项目编码", "结果日期", "结果", "单位"),
                List.of("X-1", id, "LIS-GHB-" + w.hba1c, w.today.minusDays(2).toString(), "6.0", "%"),
                List.of("X-2", id.substring(0, 10) + "9999" + id.substring(14), w.hba1c, w.today.toString(), "6.0", "%")));
        var done = lab.postFile("/console/diagnostics/import", Map.of(), "file", "结果.xlsx", xlsx, page);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        var after = lab.get("/console/diagnostics/import");
        assertThat(after.body()).contains("共读取 2 行：新写入报告 1 份，已存在 0 份（未重复写入），未通过 1 处")
                .contains("id=\"import-rejected\"").contains("身份证号").doesNotContain(id.substring(0, 10) + "9999");
        assertThat(reports(w.resident)).isEqualTo(1);
        var again = lab.postFile("/console/diagnostics/import", Map.of(), "file", "结果.xlsx", xlsx, after);
        assertThat(again.status()).isEqualTo(302);
        assertThat(lab.get("/console/diagnostics/import").body()).contains("新写入报告 0 份，已存在 1 份");
        var unreadable = lab.postFile("/console/diagnostics/import", Map.of(), "file", "结果.xlsx",
                "not a workbook".getBytes(StandardCharsets.UTF_8), after);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).contains("文件无法读取");
        var allBad = lab.postFile("/console/diagnostics/import", Map.of(), "file", "结果.xlsx",
                Workbooks.of(List.of(List.of("报告单号", "身份证号", "项目编码", "结果日期", "结果"), List.of("X-3", id, w.hba1c, "", "6"))), after);
        assertThat(allBad.status()).isEqualTo(400);
        assertThat(allBad.body()).contains("未写入任何报告").contains("结果日期");
        assertThat(reports(w.resident)).isEqualTo(1);

        var outsider = ConsoleSession.login(port, w.outsider);
        var outsiderPage = outsider.get("/console/diagnostics/import");
        assertThat(outsider.postFile("/console/diagnostics/import", Map.of(), "file", "结果.xlsx", xlsx, outsiderPage).status())
                .isEqualTo(403);
        assertThat(ConsoleSession.login(port, w.office).get("/console/diagnostics/import").status()).isEqualTo(403);
        assertThat(reports(w.resident)).isEqualTo(1);
    }
}
