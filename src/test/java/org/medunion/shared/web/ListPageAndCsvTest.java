package org.medunion.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The console lists' paging and CSV export (decision 0170). */
class ListPageAndCsvTest {

    private final List<Integer> fortyFive = IntStream.range(0, 45).boxed().toList();

    @Test
    void pagesOfTwentyClampedIntoRange() {
        var first = ListPage.of(fortyFive, 0);
        assertThat(first.items()).hasSize(20).startsWith(0).endsWith(19);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.total()).isEqualTo(45);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();

        var last = ListPage.of(fortyFive, 2);
        assertThat(last.items()).containsExactly(40, 41, 42, 43, 44);
        assertThat(last.hasNext()).isFalse();

        assertThat(ListPage.of(fortyFive, 99).page()).as("past the end: the last page").isEqualTo(2);
        assertThat(ListPage.of(fortyFive, -3).page()).isZero();
        var empty = ListPage.of(List.of(), 0);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.pages()).isEqualTo(1);
    }

    @Test
    void csvForExcel_bomQuotedCrlf_formulasDefused() {
        var response = CsvExport.of("医联体.csv", List.of("名称", "成员数"),
                List.of(List.of("长宁区\"健康\"联合体", "3"), List.of("=HYPERLINK(\"x\")", "-1")));
        byte[] body = response.getBody();
        assertThat(body).isNotNull();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF\"名称\",\"成员数\"\r\n\"长宁区\"\"健康\"\"联合体\",\"3\"\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"'-1\"\r\n");
        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getFirst("Content-Disposition")).startsWith("attachment").contains("filename*=UTF-8''");
    }
}
