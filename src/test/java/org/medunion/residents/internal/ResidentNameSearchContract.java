package org.medunion.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.medunion.residents.Sex;
import org.medunion.residents.internal.ResidentStore.Criteria;
import org.medunion.residents.internal.ResidentStore.ResidentRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 / P-1 (decision 0141): the resident name search is a prefix range the btree answers; its results are
 * those of a plain "starts with" for every kind of prefix, awkward ones included (LIKE metacharacters, characters
 * outside the BMP, the last character before the surrogates). Runs on H2 and PostgreSQL.
 */
abstract class ResidentNameSearchContract {

    static final List<String> NAMES = List.of("张三", "张三丰", "张四", "张%三", "张_四", "张\\五", "张", "章", "弓长",
            "𠀀甲", "𠀀乙", "𠀁丙", "\uD7FF甲", "\uE000乙", "\uFFFF丁", "李%", "李_", "Zhang", "zhang", "Zhao");

    @Autowired
    ResidentStore store;

    /** The residents above, in a district code of their own (the scope predicate keeps other data out). */
    String district(List<String> names) {
        String district = "9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        var rows = new ArrayList<ResidentRow>();
        for (String name : names) {
            rows.add(new ResidentRow(UUID.randomUUID(), UUID.randomUUID().toString().replace("-", "").substring(0, 18), name, Sex.MALE,
                    LocalDate.of(1970, 1, 1), null, district, null, Instant.now()));
        }
        store.insertAll(rows);
        return district;
    }

    List<String> search(String district, String prefix) {
        return store.search(new Criteria(null, prefix), "r.district_code = :d", Map.of("d", district), 200, 0).stream()
                .map(ResidentRow::name).sorted().toList();
    }

    @Test
    void thePrefixRangeFindsExactlyTheNamesThatStartWithThePrefix() {
        String district = district(NAMES);
        var prefixes = new ArrayList<>(List.of("张", "张三", "张%", "张_", "张\\", "%", "_", "\\", "𠀀", "𠀁", "\uD7FF", "\uE000",
                "\uFFFF", "李", "Z", "z", "Zh", "不存在", "张三丰之"));
        NAMES.forEach(n -> prefixes.add(n.substring(0, n.offsetByCodePoints(0, 1))));
        for (String prefix : prefixes) {
            var expected = NAMES.stream().filter(n -> n.startsWith(prefix)).sorted().toList();
            assertThat(search(district, prefix)).as("prefix %s", prefix).isEqualTo(expected);
        }
    }

    @Test
    void theUpperBoundIsThePrefixWithItsLastCodePointRaised() {
        assertThat(ResidentStore.prefixUpperBound("张三")).isEqualTo("张" + (char) ('三' + 1));
        assertThat(ResidentStore.prefixUpperBound("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(ResidentStore.prefixUpperBound("𠀀")).isEqualTo("𠀁");
        // U+10000 would be above U+FFFF in code point order but below it in UTF-16 order (H2): no upper bound
        assertThat(ResidentStore.prefixUpperBound("\uFFFF")).isNull();
        assertThat(ResidentStore.prefixUpperBound("\uFFFE")).isEqualTo("\uFFFF");
        assertThat(ResidentStore.prefixUpperBound(new String(Character.toChars(Character.MAX_CODE_POINT)))).isNull();
    }
}
