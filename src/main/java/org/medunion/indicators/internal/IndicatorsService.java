package org.medunion.indicators.internal;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUsers;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.EncounterRow;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.Level;
import org.medunion.indicators.Period;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's facade: ingest (JSON, CSV, typed), values, trends and drill-downs, each within the caller's scope. */
@Service
class IndicatorsService implements IndicatorsManagement {

    private final EncounterIngest ingest;
    private final Subjects subjects;
    private final IndicatorQueries queries;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final RecordLists recordLists;

    IndicatorsService(EncounterIngest ingest, Subjects subjects, IndicatorQueries queries, CurrentUsers users, AuditTrail audit,
                      RecordLists recordLists) {
        this.recordLists = recordLists;
        this.ingest = ingest;
        this.subjects = subjects;
        this.queries = queries;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public IngestReport ingest(List<EncounterRecord> records) {
        var rows = new ArrayList<Integer>();
        for (int i = 1; i <= records.size(); i++) {
            rows.add(i);
        }
        return audited(ingest.ingest(users.require(), records, rows, List.of()));
    }

    @Override
    public IngestReport ingestRows(List<Map<String, Object>> rows) {
        return parsed(rows, false);
    }

    private IngestReport parsed(List<? extends Map<String, ? extends @Nullable Object>> rows, boolean csv) {
        var p = EncounterTables.parse(rows, csv);
        return audited(ingest.ingest(users.require(), p.records(), p.numbers(), p.errors()));
    }

    @Override
    public IngestReport ingestCsv(String csv) {
        return table(Csv.parse(csv), false);
    }

    @Override
    public IngestReport ingestTable(List<List<String>> table) {
        return table(table, true);
    }

    private IngestReport table(List<List<String>> lines, boolean pad) {
        var rows = EncounterTables.rows(lines, pad);
        var malformed = rows.malformed();
        if (malformed != null) {
            return new IngestReport(IndicatorsError.MALFORMED_FILE.code(), 0, 0, 0, 0, 0, List.of(malformed));
        }
        return parsed(rows.rows(), true);
    }

    private IngestReport audited(IngestReport report) {
        return audited(audit, report);
    }

    /** One audit row for a batch that was written (an import job writes one per chunk). */
    static IngestReport audited(AuditTrail audit, IngestReport report) {
        if (report.accepted()) {
            audit.record(AuditAction.CREATE, "EncounterBatch", null, null,
                    "rows=%d created=%d corrected=%d unchanged=%d".formatted(report.rows(), report.created(),
                            report.corrected(), report.unchanged()));
        }
        return report;
    }

    @Override
    @Transactional(readOnly = true)
    public List<IndicatorValue> values(Level level, String subject, String period) {
        Period p = period(period);
        var resolved = subjects.resolve(users.require(), level, subject, p);
        return Arrays.stream(Indicator.values()).map(i -> queries.value(i, resolved, p)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public IndicatorValue value(Indicator indicator, Level level, String subject, String period) {
        Period p = period(period);
        return queries.value(indicator, subjects.resolve(users.require(), level, subject, p), p);
    }

    @Override
    @Transactional(readOnly = true)
    public List<IndicatorValue> members(Indicator indicator, Level level, String subject, String period) {
        Period p = period(period);
        return queries.members(indicator, subjects.resolve(users.require(), level, subject, p), p);
    }

    @Override
    @Transactional(readOnly = true)
    public List<IndicatorValue> trend(Indicator indicator, Level level, String subject, Year year) {
        var caller = users.require();
        subjects.resolve(caller, level, subject, Period.parse(year.toString()).orElseThrow());
        var out = new ArrayList<IndicatorValue>();
        for (int m = 1; m <= 12; m++) {
            Period p = Period.month(YearMonth.of(year.getValue(), m));
            out.add(queries.value(indicator, subjects.resolve(caller, level, subject, p), p));
        }
        return out;
    }

    @Override
    @Transactional // not read-only: the read is audited, and the audit chain locks its head
    public List<EncounterRow> encounters(Indicator indicator, Level level, String subject, String period, int limit) {
        return drillDown("IndicatorEncounters", indicator, level, subject, period,
                (r, p) -> queries.encounters(indicator, r, limit, subjects::institutionName), List::size);
    }

    @Override
    @Transactional // not read-only: the read is audited
    public DrillDown records(Indicator indicator, Level level, String subject, String period, int limit) {
        return drillDown("IndicatorRecords", indicator, level, subject, period,
                (r, p) -> recordLists.records(indicator, r, p, limit, subjects::institutionName), DrillDown::size);
    }

    /** The rows behind a value, for a subject the caller may see, with one audit row saying what was shown. */
    private <T> T drillDown(String objectType, Indicator indicator, Level level, String subject, String period,
                            BiFunction<Subjects.Resolved, Period, T> rows, ToIntFunction<T> size) {
        Period p = period(period);
        T out = rows.apply(subjects.resolve(users.require(), level, subject, p), p);
        audit.record(AuditAction.READ, objectType, indicator.id() + "/" + level + "/" + subject + "/" + p.label(), null,
                "rows=" + size.applyAsInt(out));
        return out;
    }

    static Period period(String label) {
        return Period.parse(label).orElseThrow(() -> new InvalidInputException("period", IndicatorsError.INVALID_PERIOD, label));
    }

    static Indicator indicator(String id) {
        return Indicator.byId(id).orElseThrow(() -> new InvalidInputException("indicator", IndicatorsError.UNKNOWN_INDICATOR, id));
    }
}
