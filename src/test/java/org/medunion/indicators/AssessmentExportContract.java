package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.indicators.IndicatorsContract.visit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medunion.web.ConsoleSession;

/**
 * The assessment's Excel and PDF read back (POI, PDFBox): sheet names, the dimension rows, frozen values that stay when
 * later encounters arrive, the Chinese title and consortium name extracted as text from a PDF whose font is embedded;
 * a live preview marked as such; exports audited; and the console pages the office and the planner work through.
 */
abstract class AssessmentExportContract extends AssessmentContract {

    String frozenAssessment() {
        loadFirstBatch();
        String id = createOpen();
        selfAssess(office, id, SEVEN).expect(200);
        assess(planner, id, SEVEN).expect(200);
        as(planner).post("/api/assessments/" + id + "/freeze", "{}").expect(200);
        return id;
    }

    String consortiumName() {
        return as(planner).get("/api/registry/consortia/" + g.consortium().value()).json().get("name").asString();
    }

    static String text(Cell c) {
        return c == null ? "" : c.getCellType() == CellType.NUMERIC ? Double.toString(c.getNumericCellValue()) : c.getStringCellValue();
    }

    static Row row(Sheet sheet, String col1) {
        for (Row r : sheet) {
            if (col1.equals(text(r.getCell(1)))) {
                return r;
            }
        }
        throw new AssertionError(col1 + " not in sheet " + sheet.getSheetName());
    }

    @Test
    void excel_sheetsDimensionsAndFrozenValues_unchangedByLaterEncounters() throws IOException {
        String id = frozenAssessment();
        as(g.gpUser()).post("/api/indicators/encounters", "[" + visit("AP9", g.primary().value(), "OUTPATIENT", day(5) + "T09:00")
                + "]").expect(200);
        var r = as(planner).get("/api/assessments/" + id + "/export.xlsx");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            var names = new ArrayList<String>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("概览", "维度评价", "指标值", "国家评判标准", "规则包");
            Sheet overview = wb.getSheet("概览");
            assertThat(text(overview.getRow(0).getCell(0))).isEqualTo(consortiumName() + " " + year + "年 年度考核");
            var facts = new ArrayList<String>();
            overview.forEach(row -> facts.add(text(row.getCell(0)) + "=" + text(row.getCell(1))));
            assertThat(facts).contains("状态=已冻结", "总体评价=良好", "评价结论=总体良好。");
            assertThat(String.join("|", facts)).contains("数值=已冻结：");
            Sheet dims = wb.getSheet("维度评价");
            assertThat(dims.getLastRowNum()).isEqualTo(7);
            var dimensionRows = new ArrayList<String>();
            for (int i = 1; i <= 7; i++) {
                Row d = dims.getRow(i);
                dimensionRows.add(text(d.getCell(0)) + "|" + text(d.getCell(1)) + "|" + text(d.getCell(2)) + "|" + text(d.getCell(6)));
            }
            assertThat(dimensionRows).containsExactly("D-1 网格化布局|良好|80.0|合格", "D-2 就医秩序|良好|80.0|合格", "D-3 服务效能|良好|80.0|合格",
                    "D-4 基层服务能力提升|良好|80.0|合格", "D-5 运营管理|良好|80.0|合格", "D-6 保障机制|良好|80.0|合格", "D-7 满意度评价|良好|80.0|合格");
            assertThat(text(dims.getRow(4).getCell(4))).isEqualTo("工作总结第4节\n【长卫〔2025〕1号】");
            Row i1 = row(wb.getSheet("指标值"), "I-1");
            assertThat(text(i1.getCell(0))).isEqualTo("D-2 就医秩序");
            assertThat(text(i1.getCell(2))).isEqualTo("基层诊疗量占比");
            assertThat(i1.getCell(3).getNumericCellValue()).isEqualTo(0.3333);
            assertThat(i1.getCell(4).getNumericCellValue()).as("frozen numerator, not the 2 of now").isEqualTo(1.0);
            assertThat(i1.getCell(5).getNumericCellValue()).isEqualTo(3.0);
            assertThat(i1.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            Row i5 = row(wb.getSheet("指标值"), "I-5");
            assertThat(text(i5.getCell(7))).isEqualTo("≥ 0.12 （参考）");
            assertThat(text(i5.getCell(8))).isEqualTo("达标");
            assertThat(wb.getSheet("国家评判标准").getLastRowNum()).isEqualTo(15);
            assertThat(text(wb.getSheet("国家评判标准").getRow(1).getCell(0))).isEqualTo("NAT-1");
            assertThat(text(wb.getSheet("规则包").getRow(1).getCell(1))).matches("上海 2025 政策包 v\\d+，[^\\n]+\\n[0-9a-f]{12}");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'Assessment' and object_id = ? and action = 'EXPORT'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void pdf_chineseTitleAndConsortiumAsText_fontEmbedded_andAPreviewSaysSo() throws IOException {
        String id = frozenAssessment();
        var r = as(office).get("/api/assessments/" + id + "/export.pdf");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(r.bytes(), 0, 5)).isEqualTo("%PDF-");
        try (var pdf = Loader.loadPDF(r.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(consortiumName() + " " + year + "年 年度考核").contains("基层诊疗量占比").contains("已冻结")
                    .contains("D-7 满意度评价").contains("NAT-15");
            List<PDFont> fonts = new ArrayList<>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).contains("WenQuanYi");
            });
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(consortiumName() + " " + year + "年 年度考核");
        }
        // before the freeze the same report carries the live values, and says so
        String open = create(planner, g.consortium().value(), "FINAL", year).expect(201).json().get("id").asString();
        try (var pdf = Loader.loadPDF(as(planner).get("/api/assessments/" + open + "/export.pdf").expect(200).bytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("总结评估").contains("实时预览（尚未冻结）");
        }
        expect(as(otherPlanner).get("/api/assessments/" + id + "/export.xlsx"), 404, null);
    }

    @Test
    void console_officeSelfAssesses_plannerAssessesFreezesAndDownloads() {
        String id = createOpen();
        var officeConsole = ConsoleSession.login(port, office);
        assertThat(officeConsole.get("/console/assessments").body()).contains("/console/assessments/" + id).contains("待自评");
        var page = officeConsole.get("/console/assessments/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"self-form\"").contains("实时预览").doesNotContain("id=\"freeze-form\"");
        var fields = new ArrayList<Map.Entry<String, String>>();
        for (String d : SEVEN) {
            fields.add(Map.entry("dimension", d));
            fields.add(Map.entry("rating", d.equals("D-3") ? "" : "GOOD"));
            fields.add(Map.entry("score", "90"));
            fields.add(Map.entry("comment", "说明 " + d));
            fields.add(Map.entry("evidence", "佐证 " + d));
            fields.add(Map.entry("reference", ""));
        }
        var refused = officeConsole.post("/console/assessments/" + id + "/self-assessment", fields, page);
        assertThat(refused.status()).as("D-3 without a rating").isEqualTo(400);
        assertThat(refused.body()).contains("佐证 D-7").contains("等级");
        fields.set(2 * 6 + 1, Map.entry("rating", "PASS"));
        var sent = officeConsole.post("/console/assessments/" + id + "/self-assessment", fields, page);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);

        var plannerConsole = ConsoleSession.login(port, planner);
        var detail = plannerConsole.get("/console/assessments/" + id);
        assertThat(detail.body()).contains("id=\"external-form\"").contains("id=\"return-form\"").contains("佐证 D-5");
        var external = new ArrayList<Map.Entry<String, String>>();
        for (String d : SEVEN) {
            external.add(Map.entry("dimension", d));
            external.add(Map.entry("rating", "GOOD"));
            external.add(Map.entry("score", ""));
            external.add(Map.entry("comment", ""));
        }
        external.add(Map.entry("overallRating", "GOOD"));
        external.add(Map.entry("conclusion", ""));
        assertThat(plannerConsole.post("/console/assessments/" + id + "/external-assessment", external, detail).status()).isEqualTo(400);
        external.set(external.size() - 1, Map.entry("conclusion", "同意自评结论。"));
        assertThat(plannerConsole.post("/console/assessments/" + id + "/external-assessment", external, detail).status()).isEqualTo(302);
        detail = plannerConsole.get("/console/assessments/" + id);
        assertThat(detail.body()).contains("id=\"freeze-form\"").contains("data-confirm");
        assertThat(plannerConsole.post("/console/assessments/" + id + "/freeze", Map.of(), detail).location()).endsWith("?done=frozen");
        var frozen = plannerConsole.get("/console/assessments/" + id);
        assertThat(frozen.body()).contains("已冻结").contains("同意自评结论。").doesNotContain("id=\"freeze-form\"")
                .doesNotContain("id=\"external-form\"").doesNotContain(g.consortium().value().toString() + "<");
        var pdf = plannerConsole.get("/console/assessments/" + id + "/export.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(ConsoleSession.login(port, g.gpUser()).get("/console/assessments/" + id).status()).isEqualTo(403);
    }
}
