package org.medunion.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medunion.shared.InvalidInputException;

class UploadedTableTest {

    @Test
    void csvInUtf8WithAByteOrderMarkOrInGb18030ReadsTheSame() {
        String text = "本地编码,本地名称\r\nA1,\"氨氯地平, 5mg\"\r\n";
        var utf8 = UploadedTable.read("a.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        var gbk = UploadedTable.read("a.CSV", text.getBytes(Charset.forName("GB18030")));
        assertThat(utf8).isEqualTo(gbk).containsExactly(List.of("本地编码", "本地名称"), List.of("A1", "氨氯地平, 5mg"));
    }

    @Test
    void otherFilesEmptyFilesAndBrokenWorkbooksAreRefusedNamingTheFile() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> UploadedTable.read("a.pdf", new byte[] {1})).code())
                .isEqualTo("upload.format");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> UploadedTable.read("a.csv", new byte[0])).code())
                .isEqualTo("field.required");
        var broken = catchThrowableOfType(InvalidInputException.class,
                () -> UploadedTable.read("a.xlsx", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.code()).isEqualTo("upload.unreadable");
        assertThat(broken.field()).isEqualTo("file");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> UploadedTable.read("a.csv", new byte[UploadedTable.MAX_BYTES + 1])).code()).isEqualTo("upload.tooLarge");
    }

    @Test
    void theFirstSheetStreamsByAsExcelShowsIt_missingCellsEmpty_blankRowsLeftOut() throws Exception {
        byte[] file;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("就诊");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("编码");
            header.createCell(1).setCellValue("数量");
            header.createCell(2).setCellValue("日期");
            var gap = sheet.createRow(1);
            gap.createCell(0).setCellValue("A1");
            gap.createCell(2).setCellValue("末列");
            var blank = sheet.createRow(2);
            blank.createCell(0).setCellValue(" ");
            blank.createCell(1).setCellValue("");
            var values = sheet.createRow(5);
            values.createCell(0).setCellValue("A2");
            values.createCell(1).setCellValue(1.5);
            var date = values.createCell(2);
            date.setCellValue(LocalDate.of(2026, 2, 3));
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setCellStyle(style);
            book.createSheet("other").createRow(0).createCell(0).setCellValue("not read");
            book.write(out);
            file = out.toByteArray();
        }
        assertThat(UploadedTable.read("visits.XLSX", file)).containsExactly(List.of("编码", "数量", "日期"),
                List.of("A1", "", "末列"), List.of("A2", "1.5", "2026-02-03"));
    }
}
