package org.medunion.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medunion.indicators.EncounterRow;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.Level;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.web.UploadedTable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Encounter ingest and indicator values (issue 17); column spec and rules in docs/indicators.md. */
@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Indicators", description = "Encounter ingest (JSON, CSV; all-or-nothing) and indicators I-1, I-4..I-7 with NN-9 targets")
class IndicatorsController {

    private final IndicatorsManagement indicators;

    IndicatorsController(IndicatorsManagement indicators) {
        this.indicators = indicators;
    }

    @PostMapping(path = "/encounters", consumes = "application/json")
    @Operation(summary = "A batch of encounters as JSON objects; 200 with counts, or 400 INDICATORS-0001 listing every "
            + "rejected row (row, field, rule) and nothing written")
    ResponseEntity<IngestReport> ingest(@RequestBody List<Map<String, Object>> rows) {
        return reply(indicators.ingestRows(rows));
    }

    @PostMapping(path = "/encounters", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "A CSV file of encounters (docs/indicators.md); all-or-nothing per file; 400 INDICATORS-0003 "
            + "for a malformed file")
    ResponseEntity<IngestReport> ingestCsv(@RequestBody String csv) {
        return reply(indicators.ingestCsv(csv));
    }

    @PostMapping(path = "/encounters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "An uploaded .csv or .xlsx file (part \"file\", first sheet, the CSV's columns, at most 2 MB); "
            + "all-or-nothing per file, rejected rows by row number")
    ResponseEntity<IngestReport> ingestFile(@RequestParam("file") MultipartFile file) throws IOException {
        return reply(indicators.ingestTable(UploadedTable.read(file.getOriginalFilename(), file.getBytes())));
    }

    private static ResponseEntity<IngestReport> reply(IngestReport report) {
        return report.accepted() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
    }

    @GetMapping("/values")
    @Operation(summary = "Every indicator of a subject (INSTITUTION / CONSORTIUM uuid, DISTRICT code) for a period "
            + "(2026-03, 2026-Q1, 2026)")
    List<IndicatorValue> values(@RequestParam String level, @RequestParam String subject, @RequestParam String period) {
        return indicators.values(level(level), subject, period);
    }

    @GetMapping("/values/{indicator}")
    @Operation(summary = "One indicator of a subject for a period")
    IndicatorValue value(@PathVariable String indicator, @RequestParam String level, @RequestParam String subject,
                         @RequestParam String period) {
        return indicators.value(indicator(indicator), level(level), subject, period);
    }

    @GetMapping("/values/{indicator}/trend")
    @Operation(summary = "The twelve monthly values of a year")
    List<IndicatorValue> trend(@PathVariable String indicator, @RequestParam String level, @RequestParam String subject,
                               @RequestParam int year) {
        return indicators.trend(indicator(indicator), level(level), subject, Year.of(year));
    }

    @GetMapping("/values/{indicator}/members")
    @Operation(summary = "The indicator of each institution of the subject (a consortium's members, a district's institutions)")
    List<IndicatorValue> members(@PathVariable String indicator, @RequestParam String level, @RequestParam String subject,
                                 @RequestParam String period) {
        return indicators.members(indicator(indicator), level(level), subject, period);
    }

    @GetMapping("/values/{indicator}/encounters")
    @Operation(summary = "The encounter facts behind a value, resident masked (audited)")
    List<EncounterRow> encounters(@PathVariable String indicator, @RequestParam String level, @RequestParam String subject,
                                  @RequestParam String period, @RequestParam(defaultValue = "200") int limit) {
        return indicators.encounters(indicator(indicator), level(level), subject, period, limit);
    }

    static Level level(String level) {
        try {
            return Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", IndicatorsError.INVALID_LEVEL, level);
        }
    }

    static Indicator indicator(String id) {
        return Indicator.byId(id).orElseThrow(() -> new InvalidInputException("indicator", IndicatorsError.UNKNOWN_INDICATOR, id));
    }
}
