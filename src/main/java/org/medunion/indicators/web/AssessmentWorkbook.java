package org.medunion.indicators.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medunion.indicators.web.AssessmentDocuments.Doc;
import org.medunion.indicators.web.AssessmentDocuments.Table;
import org.springframework.stereotype.Component;

/** The report as .xlsx: an overview sheet with the facts, then one sheet per table (dimensions, values, checklist, packs). */
@Component
class AssessmentWorkbook {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    byte[] write(Doc doc) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet overview = wb.createSheet(WorkbookUtil.createSafeSheetName(doc.overview()));
            Row titleRow = overview.createRow(0);
            titleRow.createCell(0).setCellValue(doc.title());
            titleRow.getCell(0).setCellStyle(bold);
            int r = 2;
            for (List<String> fact : doc.facts()) {
                Row row = overview.createRow(r++);
                row.createCell(0).setCellValue(fact.get(0));
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(fact.get(1));
                row.getCell(1).setCellStyle(wrap);
            }
            overview.setColumnWidth(0, 18 * 256);
            overview.setColumnWidth(1, 90 * 256);
            for (Table table : doc.tables()) {
                sheet(wb.createSheet(WorkbookUtil.createSafeSheetName(table.name())), table, bold, wrap);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Sheet sheet, Table table, CellStyle bold, CellStyle wrap) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < table.header().size(); c++) {
            head.createCell(c).setCellValue(table.header().get(c));
            head.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, Math.min(255, Math.round(table.widths()[c] * 1.6f)) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<String> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                String text = cells.get(c);
                if (NUMBER.matcher(text).matches()) {
                    row.createCell(c).setCellValue(Double.parseDouble(text)); // a figure stays a number for the reader's sums
                } else {
                    row.createCell(c).setCellValue(text);
                    row.getCell(c).setCellStyle(wrap);
                }
            }
        }
    }
}
