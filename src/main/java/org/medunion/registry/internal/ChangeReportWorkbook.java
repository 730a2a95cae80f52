package org.medunion.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes change reports as an .xlsx workbook in the layout of the Shanghai 医疗联合体建设报告表: a title
 * row, then 序号 / 报告编号 / 医联体名称 / 形式 / 变更类型 / 报告单位 / 报送对象 / 变更内容 / 报告时间 / 报告人.
 * Labels come from the message bundle in the caller's language.
 */
@Component
class ChangeReportWorkbook {

    static final List<String> COLUMNS = List.of("index", "number", "consortium", "form", "changeType", "reportingParty",
            "recipients", "summary", "reportedAt", "reportedBy");
    private static final int[] WIDTHS = {6, 18, 30, 16, 10, 30, 36, 60, 20, 14};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    ChangeReportWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(List<ChangeReportStore.Stored> reports, Map<InstitutionId, String> institutionNames, ZoneId zone) {
        Locale locale = LocaleContextHolder.getLocale();
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text("registry.report.xlsx.sheet", locale));
            CellStyle title = titleStyle(wb);
            CellStyle header = headerStyle(wb);
            CellStyle body = wb.createCellStyle();
            body.setWrapText(true);
            border(body);

            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(text("registry.report.xlsx.title", locale));
            titleRow.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));

            Row headerRow = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                var cell = headerRow.createCell(c);
                cell.setCellValue(text("registry.report.xlsx.column." + COLUMNS.get(c), locale));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 2;
            for (var stored : reports) {
                var report = stored.view();
                Row row = sheet.createRow(r);
                String[] values = {
                        String.valueOf(r - 1), report.number(), report.consortiumName(),
                        text("registry.consortiumForm." + stored.form().name(), locale),
                        text("registry.changeType." + report.changeType().name(), locale),
                        report.reportingInstitution() == null ? ""
                                : institutionNames.getOrDefault(report.reportingInstitution(), report.reportingInstitution().toString()),
                        String.join(text("registry.report.separator", locale), report.recipients()), report.summary(),
                        report.reportedAt() == null ? "" : TIME.format(report.reportedAt().atZone(zone)), report.reportedBy()};
                for (int c = 0; c < values.length; c++) {
                    var cell = row.createCell(c);
                    if (c == 0) {
                        cell.setCellValue(r - 1);
                    } else {
                        cell.setCellValue(values[c]);
                    }
                    cell.setCellStyle(body);
                }
                r++;
            }
            sheet.createFreezePane(0, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle titleStyle(XSSFWorkbook wb) {
        CellStyle title = wb.createCellStyle();
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        return title;
    }

    private static CellStyle headerStyle(XSSFWorkbook wb) {
        CellStyle header = wb.createCellStyle();
        Font headerFont = wb.createFont();
        headerFont.setBold(true);
        header.setFont(headerFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        border(header);
        return header;
    }

    private @Nullable String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void border(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }
}
