package org.medunion.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
}
