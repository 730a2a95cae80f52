package org.medunion.indicators;

import java.time.Year;
import java.util.List;
import java.util.Map;

/**
 * The indicators module's facade. Ingest is open to the institution's own users and to the integrator of its
 * jurisdiction; values and drill-downs to whoever's scope covers the subject (planner: jurisdiction, office: its
 * consortium, an institution: itself and, for a lead hospital, its consortium).
 */
public interface IndicatorsManagement {

    /** Validates every record; writes all of them and recomputes the touched days, or nothing. */
    IngestReport ingest(List<EncounterRecord> records);

    /** JSON rows as sent (property → value), validated field by field; all-or-nothing. */
    IngestReport ingestRows(List<Map<String, Object>> rows);

    /** A CSV file per docs/indicators.md; all-or-nothing. */
    IngestReport ingestCsv(String csv);

    /**
     * A table read from an uploaded CSV or .xlsx file (header first, the CSV's columns), as {@link #ingestCsv(String)};
     * rows shorter than the header are padded with empty cells (a workbook leaves trailing empty cells out).
     */
    IngestReport ingestTable(List<List<String>> table);

    /** Every indicator of the subject for the period. */
    List<IndicatorValue> values(Level level, String subject, String period);

    IndicatorValue value(Indicator indicator, Level level, String subject, String period);

    /**
     * The indicator of each institution the subject held in the period, over the days it held it (a consortium's members,
     * a district's institutions), ordered by name: where a consortium's or district's value comes from. Counts only.
     */
    List<IndicatorValue> members(Indicator indicator, Level level, String subject, String period);

    /** The twelve months of a year. */
    List<IndicatorValue> trend(Indicator indicator, Level level, String subject, Year year);

    /** The encounter facts behind a value (audited, resident masked), newest first, at most {@code limit}. */
    List<EncounterRow> encounters(Indicator indicator, Level level, String subject, String period, int limit);

    /**
     * The records behind a value another module counts (referrals for I-2, I-3, I-13; recognition decisions for I-10,
     * I-24, I-25; centre orders for I-20, I-21), newest first, at most {@code limit}; audited, no resident data.
     */
    DrillDown records(Indicator indicator, Level level, String subject, String period, int limit);
}
