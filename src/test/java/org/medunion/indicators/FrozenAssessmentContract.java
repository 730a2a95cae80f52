package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.indicators.IndicatorsContract.visit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.Multipart;
import org.medunion.support.Workbooks;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Decision 0264: a frozen assessment as FHIR MeasureReports that later encounters do not move (R4-valid, searched by
 * assessment, subject, period and kind), evidence files of the self-assessment (upload, download by the assessment's
 * readers, refused for outsiders, bad types and after the freeze, named in the exports), and pack versions by name.
 */
abstract class FrozenAssessmentContract extends AssessmentExportContract {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    Api.Response upload(String user, String id, String dimension, String name, byte[] file) {
        var body = Multipart.of(Map.of("dimension", dimension), "file", name, file);
        return as(user).sendBytes("POST", "/api/assessments/" + id + "/evidence", body.body(), body.contentType());
    }

    long evidenceRows(String id) {
        return jdbc.sql("select count(*) from indicators_assessment_evidence where assessment_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }

    static JsonNode report(JsonNode bundle, String indicator) {
        for (JsonNode e : bundle.get("entry")) {
            if (e.get("resource").get("id").asString().endsWith("." + indicator)) {
                return e.get("resource");
            }
        }
        throw new AssertionError(indicator + " not in " + bundle);
    }

    static String counts(JsonNode report) {
        JsonNode p = report.get("group").get(0).get("population");
        return p.get(0).get("count").asInt() + "/" + p.get(1).get("count").asInt();
    }

    @Test
    void frozenMeasureReports_unchangedByLaterEncounters_validR4_searchedByAssessmentSubjectPeriodAndKind() {
        String id = frozenAssessment();
        String consortium = g.consortium().value().toString();
        var api = as(planner);
        var all = api.getFhir("/fhir/MeasureReport?assessment=" + id + "&_count=50");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("total").asInt()).isEqualTo(Indicator.values().length);
        FhirValidation.assertValid(all.body());
        JsonNode i1 = report(all.json(), "I-1");
        assertThat(i1.get("id").asString()).isEqualTo("assessment-" + id + ".I-1");
        assertThat(i1.get("status").asString()).isEqualTo("complete");
        assertThat(i1.get("subject").get("reference").asString()).isEqualTo("Organization/" + consortium);
        assertThat(i1.get("period").get("start").asString()).isEqualTo(year + "-01-01");
        assertThat(i1.get("period").get("end").asString()).isEqualTo(year + "-12-31");
        assertThat(counts(i1)).isEqualTo("1/3");
        assertThat(i1.toString()).contains("indicator-source-records\",\"valueInteger\":3").contains("assessment-rule-pack")
                .contains("上海 2025 政策包 v").contains("\"valueCode\":\"annual\"");

        // later arrivals about the same year move the live value, not the frozen report
        as(g.gpUser()).post("/api/indicators/encounters", "[" + visit("FP2", g.primary().value(), "OUTPATIENT", day(6) + "T09:00")
                + "]").expect(200);
        var live = api.getFhir("/fhir/MeasureReport?subject=Organization/" + consortium + "&period=" + year + "&measure=Measure/I-1");
        assertThat(counts(live.json().get("entry").get(0).get("resource"))).as("live").isEqualTo("2/4");
        var read = api.getFhir("/fhir/MeasureReport/assessment-" + id + ".I-1");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        assertThat(counts(read.json())).isEqualTo("1/3");
        assertThat(read.json().get("date").asString()).isEqualTo(i1.get("date").asString());

        var byKind = api.getFhir("/fhir/MeasureReport?subject=Organization/" + consortium + "&period=" + year
                + "&assessment=annual&measure=Measure/I-1");
        assertThat(byKind.status()).as(byKind.body()).isEqualTo(200);
        assertThat(byKind.json().get("total").asInt()).isEqualTo(1);
        assertThat(counts(byKind.json().get("entry").get(0).get("resource"))).isEqualTo("1/3");
        assertThat(api.getFhir("/fhir/MeasureReport?subject=Organization/" + consortium + "&period=" + (year - 1)
                + "&assessment=annual").json().get("total").asInt()).isZero();
        assertThat(api.getFhir("/fhir/MeasureReport?subject=Organization/" + consortium + "&assessment=baseline").json().get("total")
                .asInt()).isZero();
        assertThat(api.getFhir("/fhir/MeasureReport?assessment=annual").status()).as("a kind needs a subject").isEqualTo(400);
        assertThat(api.getFhir("/fhir/MeasureReport?assessment=" + id + "&period=" + year + "-03").status()).isEqualTo(400);
        assertThat(as(office).getFhir("/fhir/MeasureReport/assessment-" + id + ".I-4").status()).isEqualTo(200);
        assertThat(as(otherPlanner).getFhir("/fhir/MeasureReport/assessment-" + id + ".I-1").status()).isEqualTo(404);
        assertThat(as(otherOffice).getFhir("/fhir/MeasureReport?assessment=" + id).status()).isEqualTo(404);
        assertThat(as(g.gpUser()).getFhir("/fhir/MeasureReport?assessment=" + id).status()).isEqualTo(403);
        String open = createOpen2();
        assertThat(api.getFhir("/fhir/MeasureReport?assessment=" + open).status()).as("not frozen: no report").isEqualTo(404);
        var capability = api.getFhir("/fhir/metadata").body();
        assertThat(capability).contains("\"name\":\"assessment\"");
    }

    private String createOpen2() {
        return create(planner, g.consortium().value(), "FINAL", year).expect(201).json().get("id").asString();
    }

    @Test
    void evidence_uploadedByTheOffice_downloadedByReaders_refusedForOutsidersBadTypesAndAfterTheFreeze() throws IOException {
        loadFirstBatch();
        String id = createOpen();
        var pdf = upload(office, id, "D-2", "转诊工作总结.pdf", PDF);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        String pdfId = pdf.json().get("id").asString();
        assertThat(pdf.json().get("contentType").asString()).isEqualTo("application/pdf");
        byte[] xlsx = Workbooks.of(List.of(List.of("指标", "值"), List.of("I-1", "0.33")));
        var sheet = upload(office, id, "D-5", "运营台账.xlsx", xlsx);
        assertThat(sheet.status()).as(sheet.body()).isEqualTo(201);
        assertThat(sheet.json().get("contentType").asString()).startsWith("application/vnd.openxmlformats");
        // refused: a text file, a zip that is no workbook, an unknown dimension, no file, the planner, another office
        var text = upload(office, id, "D-2", "notes.pdf", "just text".getBytes(StandardCharsets.UTF_8));
        expect(text, 400, "INDICATORS-0023");
        assertThat(text.body()).contains("\"file\"");
        expect(upload(office, id, "D-2", "x.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}), 400, "INDICATORS-0023");
        var dimension = upload(office, id, "D-9", "a.pdf", PDF);
        expect(dimension, 400, "INDICATORS-0018");
        assertThat(dimension.body()).contains("\"dimension\"");
        expect(upload(office, id, "D-2", "big.pdf", big()), 400, "INDICATORS-0022");
        expect(upload(planner, id, "D-2", "a.pdf", PDF), 403, "INDICATORS-0020");
        expect(upload(otherOffice, id, "D-2", "a.pdf", PDF), 404, null);
        assertThat(evidenceRows(id)).as("refused uploads store nothing").isEqualTo(2);

        String path = "/api/assessments/" + id + "/evidence/" + pdfId + "/content";
        for (String reader : List.of(planner, office, "admin")) {
            var d = as(reader).get(path);
            assertThat(d.status()).as(reader + " " + d.body()).isEqualTo(200);
            assertThat(d.bytes()).isEqualTo(PDF);
            assertThat(d.header("Content-Disposition")).startsWith("attachment");
            assertThat(d.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        expect(as(otherOffice).get(path), 404, null);
        expect(as(otherPlanner).get(path), 404, null);
        expect(as(g.gpUser()).get(path), 403, null);
        expect(as(office).get("/api/assessments/" + id + "/evidence/" + java.util.UUID.randomUUID() + "/content"), 404, null);
        var detail = as(planner).get("/api/assessments/" + id).json();
        assertThat(detail.get("evidence").toString()).contains("转诊工作总结.pdf", "运营台账.xlsx");

        // a removable file before the freeze, nothing after it
        String spare = upload(office, id, "D-7", "满意度.png", png()).expect(201).json().get("id").asString();
        assertThat(as(office).delete("/api/assessments/" + id + "/evidence/" + spare).status()).isEqualTo(204);
        selfAssess(office, id, SEVEN).expect(200);
        assess(planner, id, SEVEN).expect(200);
        as(planner).post("/api/assessments/" + id + "/freeze", "{}").expect(200);
        expect(upload(office, id, "D-2", "late.pdf", PDF), 409, "INDICATORS-0011");
        expect(as(office).delete("/api/assessments/" + id + "/evidence/" + pdfId), 409, "INDICATORS-0011");
        assertThat(evidenceRows(id)).isEqualTo(2);
        assertThat(as(planner).get(path).bytes()).as("still downloadable once frozen").isEqualTo(PDF);

        // the exports name the files
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(as(planner).get("/api/assessments/" + id + "/export.xlsx")
                .expect(200).bytes()))) {
            var dims = wb.getSheet("维度评价");
            assertThat(dims.getRow(0).getCell(5).getStringCellValue()).isEqualTo("佐证文件");
            assertThat(dims.getRow(2).getCell(5).getStringCellValue()).isEqualTo("转诊工作总结.pdf");
            assertThat(dims.getRow(5).getCell(5).getStringCellValue()).isEqualTo("运营台账.xlsx");
        }
        try (var doc = Loader.loadPDF(as(office).get("/api/assessments/" + id + "/export.pdf").expect(200).bytes())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).contains("转诊工作总结.pdf", "运营台账.xlsx");
        }
    }

    @Test
    void console_listsEvidence_officeUploads_packsShownByNameAndRelease() {
        String id = createOpen();
        var officeConsole = ConsoleSession.login(port, office);
        var page = officeConsole.get("/console/assessments/" + id);
        assertThat(page.body()).contains("id=\"evidence-form\"").contains("上海 2025 政策包 v");
        upload(office, id, "D-3", "效能报告.pdf", PDF).expect(201);
        var after = ConsoleSession.login(port, planner).get("/console/assessments/" + id);
        assertThat(after.body()).contains("效能报告.pdf").contains("/console/assessments/" + id + "/evidence/")
                .doesNotContain("id=\"evidence-form\"");
    }

    private static byte[] big() {
        byte[] b = new byte[4 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, b, 0, PDF.length);
        return b;
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    }
}
