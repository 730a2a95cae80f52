package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medunion.indicators.EncounterRecord;

/** The times of a CSV row: with an offset as given, without one in Beijing time, anything else a format error. */
class EncounterParsingTest {

    private static EncounterParsing.Parsed row(String occurredAt) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("source_record_id", "V1");
        raw.put("institution_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        raw.put("kind", "OUTPATIENT");
        raw.put("occurred_at", occurredAt);
        return EncounterParsing.parse(1, raw, true);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-02-03T08:00, 2026-02-03T00:00:00Z",
            "2026-02-03t08:00, 2026-02-03T00:00:00Z",
            "2026-02-03T08:00:30, 2026-02-03T00:00:30Z",
            "2026-02-03T08:00+08:00, 2026-02-03T00:00:00Z",
            "2026-02-03T08:00:00-05:00, 2026-02-03T13:00:00Z",
            "2026-02-03T08:00Z, 2026-02-03T08:00:00Z",
            "2026-02-03t08:00z, 2026-02-03T08:00:00Z"})
    void localAndOffsetTimes(String text, String instant) {
        var parsed = row(text);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.record()).isNotNull().extracting(EncounterRecord::occurredAt).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-03", "2026-02-03 08:00", "2026-02-30T08:00", "2026-02-03T08:00+25:00", "T08:00", "08:00-01"})
    void otherFormsAreFormatErrors(String text) {
        var parsed = row(text);
        assertThat(parsed.record()).isNull();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("occurred_at");
            assertThat(e.rule()).isEqualTo("format");
        });
    }
}
