package org.medunion.diagnostics.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.ResultImport;
import org.medunion.diagnostics.ResultImport.Rejected;
import org.medunion.identity.CurrentUser;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.Masking;
import org.medunion.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * Lab values from a CSV or Excel file (result import, decision 0231): one row per observation, the rows sharing a member
 * report number one report. Every row is checked and every problem reported with its row and column; a report with a
 * refused row is not written, the others are, each as a report sent over FHIR would be (performer, resident, item,
 * identifier). A report number already recorded for the performer is counted, not written again. ID numbers are
 * shown masked.
 */
@Component
class ResultTables {

    private static final List<String> REQUIRED = List.of("report_number", "id_number", "item_code", "result_date", "value");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private final ReportImports imports;
    private final ResidentsManagement residents;
    private final DiagnosticsAccess access;

    ResultTables(ReportImports imports, ResidentsManagement residents, DiagnosticsAccess access) {
        this.imports = imports;
        this.residents = residents;
        this.access = access;
    }

    /** One data row, read: its report-level values and its observation. */
    record Line(int row, String number, String idNumber, String itemCode, LocalDate date, String status,
                @Nullable String conclusion, boolean critical, @Nullable String obsCode, @Nullable String obsName,
                String value, @Nullable String unit, @Nullable String range) {

        /** What every row of one report must repeat. */
        Key key() {
            return new Key(idNumber, itemCode, date, status, conclusion);
        }
    }

    private record Key(String idNumber, String itemCode, LocalDate date, String status, @Nullable String conclusion) {
    }

    /** A file read and checked row by row, nothing written yet: the reports to write, and the rows refused. */
    record Plan(int rows, List<List<Line>> reports, List<Rejected> rejected) {

        /** Rows decided without writing anything: refused, or of a report refused for another of its rows. */
        int decided() {
            return rows - reports.stream().mapToInt(List::size).sum();
        }
    }

    /** The figures of an import so far. */
    static final class Tally {

        int rowsDone;
        int created;
        int existing;
        final List<Rejected> rejected = new ArrayList<>();

        void add(Tally part) {
            rowsDone += part.rowsDone;
            created += part.created;
            existing += part.existing;
            rejected.addAll(part.rejected);
        }
    }

    /** Runs the writing of one batch of reports (for a job: in a transaction of its own, run again once on a race). */
    interface Batches {

        void write(Runnable batch);
    }

    /** Told the figures after each batch (a job's progress). */
    interface Progress {

        void after(Tally tally);
    }

    ResultImport importTable(@Nullable UUID named, List<List<String>> table) {
        CurrentUser user = access.caller();
        UUID performer = imports.performer(user, named);
        var problems = problems(table);
        if (!problems.isEmpty()) {
            return new ResultImport(Math.max(0, table.size() - 1), 0, 0, problems);
        }
        return write(performer, user, plan(table), Integer.MAX_VALUE, Runnable::run, tally -> {
        });
    }

    /** What is wrong with the file as a whole (a missing column, too many rows, no rows): row 0. */
    static List<Rejected> problems(List<List<String>> table) {
        var out = new ArrayList<Rejected>();
        Csv.fileProblems(table, REQUIRED, ResultImport.MAX_ROWS)
                .forEach(p -> out.add(new Rejected(0, p.column(), p.code(), p.arguments())));
        return out;
    }

    /** Every row read and checked; the rows of one report number grouped, a report with a refused row set aside. */
    Plan plan(List<List<String>> table) {
        var rejected = new ArrayList<Rejected>();
        Map<String, Integer> columns = table.isEmpty() ? Map.of() : Csv.positions(table.get(0), ResultImport.COLUMNS);
        Map<String, List<Line>> reports = new LinkedHashMap<>();
        Map<String, Integer> refused = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            Line line = line(r, table.get(r), columns, rejected);
            String number = cell(table.get(r), columns, "report_number");
            if (line == null) {
                if (number != null) {
                    refused.putIfAbsent(number, r);
                }
                continue;
            }
            List<Line> lines = reports.computeIfAbsent(line.number(), k -> new ArrayList<>());
            if (!lines.isEmpty() && !lines.get(0).key().equals(line.key())) {
                rejected.add(new Rejected(r, "report_number", DiagnosticsError.ROWS_DISAGREE.code(),
                        List.of(line.number(), lines.get(0).row())));
                refused.putIfAbsent(line.number(), r);
                continue;
            }
            lines.add(line);
        }
        var writable = new ArrayList<List<Line>>();
        for (var report : reports.entrySet()) {
            Integer badRow = refused.get(report.getKey());
            if (badRow == null) {
                writable.add(report.getValue());
                continue;
            }
            report.getValue().forEach(l -> rejected.add(new Rejected(l.row(), "report_number",
                    DiagnosticsError.REPORT_REFUSED.code(), List.of(l.number(), badRow))));
        }
        return new Plan(Math.max(0, table.size() - 1), List.copyOf(writable), List.copyOf(rejected));
    }

    /**
     * Writes the plan's reports {@code batchSize} at a time through {@code batches}, telling {@code progress} the figures
     * before the first batch and after each. Each report is written whole or not at all.
     */
    ResultImport write(UUID performer, CurrentUser user, Plan plan, int batchSize, Batches batches, Progress progress) {
        var tally = new Tally();
        tally.rowsDone = plan.decided();
        tally.rejected.addAll(plan.rejected());
        progress.after(tally);
        Map<String, Optional<UUID>> known = new HashMap<>();
        for (int from = 0; from < plan.reports().size(); from += batchSize) {
            var batch = plan.reports().subList(from, (int) Math.min(plan.reports().size(), (long) from + batchSize));
            var part = new Tally();
            batches.write(() -> {
                part.rowsDone = 0;
                part.created = 0;
                part.existing = 0;
                part.rejected.clear();
                for (List<Line> lines : batch) {
                    Boolean made = write(performer, lines, known, user, part.rejected);
                    part.rowsDone += lines.size();
                    part.created += Boolean.TRUE.equals(made) ? 1 : 0;
                    part.existing += Boolean.FALSE.equals(made) ? 1 : 0;
                }
            });
            tally.add(part);
            progress.after(tally);
        }
        var rejected = new ArrayList<>(tally.rejected);
        rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ResultImport(plan.rows(), tally.created, tally.existing, rejected);
    }

    /** Writes one report: true when created, false when already there, null when refused (added to rejected). */
    private @Nullable Boolean write(UUID performer, List<Line> lines, Map<String, Optional<UUID>> known, CurrentUser user,
                                    List<Rejected> rejected) {
        Line first = lines.get(0);
        var source = new ResultStore.Source(ResultImport.REPORT_NUMBER_SYSTEM, first.number());
        try {
            UUID resident = known.computeIfAbsent(first.idNumber(),
                    n -> residents.findByIdNumber(n).map(v -> v.id().value())).orElse(null);
            if (resident == null) {
                throw new InvalidInputException("residentId", DiagnosticsError.NO_RESIDENT, masked(first.idNumber()));
            }
            ItemView item = imports.item(performer, first.itemCode(), "itemCode");
            var observations = lines.stream().map(l -> new Observation(l.obsCode() == null ? first.itemCode() : l.obsCode(),
                    l.obsName() == null ? item.name() : l.obsName(), l.value(), l.unit(), l.range())).toList();
            boolean critical = lines.stream().anyMatch(Line::critical);
            var report = new RecordReport(resident, item.code(), performer, first.status(), first.date(), critical,
                    first.conclusion(), null, observations);
            return imports.importOne(report, performer, source, user).created();
        } catch (InvalidInputException e) {
            int at = observationIndex(e.field());
            Line where = at >= 0 && at < lines.size() ? lines.get(at) : first;
            List<Object> args = "residentId".equals(e.field()) ? List.of(masked(first.idNumber())) : e.arguments();
            rejected.add(new Rejected(where.row(), column(e.field()), e.code(), args));
            return null;
        }
    }

    /** A row as a line, or null with its problems added to {@code rejected}. */
    private @Nullable Line line(int r, List<String> row, Map<String, Integer> columns, List<Rejected> rejected) {
        int before = rejected.size();
        String number = text(r, row, columns, "report_number", 100, rejected);
        String id = cell(row, columns, "id_number");
        String idNumber = null;
        try {
            idNumber = ResidentIdNumber.parse(id, "id_number").value();
        } catch (InvalidInputException e) {
            rejected.add(new Rejected(r, "id_number", e.code(), List.of(masked(id))));
        }
        String item = text(r, row, columns, "item_code", 40, rejected);
        LocalDate date = date(r, cell(row, columns, "result_date"), rejected);
        String status = status(r, cell(row, columns, "status"), rejected);
        Boolean critical = flag(r, cell(row, columns, "critical"), rejected);
        String value = text(r, row, columns, "value", 80, rejected);
        if (rejected.size() > before || number == null || idNumber == null || item == null || date == null || status == null
                || critical == null || value == null) {
            return null;
        }
        return new Line(r, number, idNumber, item, date, status, cell(row, columns, "conclusion"), critical,
                cell(row, columns, "observation_code"), cell(row, columns, "observation_name"), value, cell(row, columns, "unit"),
                cell(row, columns, "reference_range"));
    }

    private static @Nullable String text(int r, List<String> row, Map<String, Integer> columns, String column, int max,
                                         List<Rejected> rejected) {
        String v = cell(row, columns, column);
        if (v == null) {
            rejected.add(new Rejected(r, column, "field.required", List.of()));
            return null;
        }
        if (v.length() > max) {
            rejected.add(new Rejected(r, column, DiagnosticsError.TEXT_TOO_LONG.code(), List.of(max)));
            return null;
        }
        return v;
    }

    /** 2026-11-03, 2026/11/3 (Excel's Chinese date format), 2026年11月3日 or 20261103. */
    private static @Nullable LocalDate date(int r, @Nullable String v, List<Rejected> rejected) {
        if (v == null) {
            rejected.add(new Rejected(r, "result_date", "field.required", List.of()));
            return null;
        }
        Matcher m = DATE.matcher(v);
        Matcher c = COMPACT_DATE.matcher(v);
        Matcher found = m.matches() ? m : c.matches() ? c : null;
        try {
            if (found != null) {
                return LocalDate.of(Integer.parseInt(found.group(1)), Integer.parseInt(found.group(2)),
                        Integer.parseInt(found.group(3)));
            }
        } catch (DateTimeException e) {
            // falls through to the rejection: 2026-02-30 is no date either
        }
        rejected.add(new Rejected(r, "result_date", DiagnosticsError.DATE_INVALID.code(), List.of(v)));
        return null;
    }

    /** final (default), preliminary, amended — or 最终, 初步, 更正. */
    private static @Nullable String status(int r, @Nullable String v, List<Rejected> rejected) {
        String s = v == null ? "FINAL" : switch (v.toLowerCase(Locale.ROOT)) {
            case "final", "最终", "正式" -> "FINAL";
            case "preliminary", "初步" -> "PRELIMINARY";
            case "amended", "更正", "修正" -> "AMENDED";
            default -> null;
        };
        if (s == null) {
            rejected.add(new Rejected(r, "status", "request.unknownValue", List.of(Objects.requireNonNullElse(v, ""),
                    "final, preliminary, amended")));
        }
        return s;
    }

    /** Critical: Y, 是, 1, true, HH, LL, critical; not: empty, N, 否, 0, false, H, L (abnormal is not critical). */
    private static @Nullable Boolean flag(int r, @Nullable String v, List<Rejected> rejected) {
        if (v == null) {
            return false;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "是", "1", "TRUE", "HH", "LL", "CRITICAL", "危急" -> true;
            case "N", "NO", "否", "0", "FALSE", "H", "L", "A", "NORMAL" -> false;
            default -> {
                rejected.add(new Rejected(r, "critical", DiagnosticsError.FLAG_INVALID.code(), List.of(v)));
                yield null;
            }
        };
    }

    /** A cell's stripped text, null when empty or absent. */
    private static @Nullable String cell(List<String> row, Map<String, Integer> columns, String column) {
        Integer at = columns.get(column);
        String raw = at == null || at >= row.size() ? null : row.get(at);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static String masked(@Nullable String idNumber) {
        return Objects.requireNonNullElse(Masking.residentId(idNumber), "");
    }

    private static final Pattern OBSERVATION = Pattern.compile("observations\\[(\\d+)]\\.(\\w+)");

    private static int observationIndex(@Nullable String field) {
        Matcher m = OBSERVATION.matcher(field == null ? "" : field);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The column of a module field name (the checks a report shares with FHIR and REST). */
    private static String column(@Nullable String field) {
        Matcher m = OBSERVATION.matcher(field == null ? "" : field);
        if (m.matches()) {
            return switch (m.group(2)) {
                case "code" -> "observation_code";
                case "name" -> "observation_name";
                case "referenceRange" -> "reference_range";
                default -> Objects.requireNonNullElse(m.group(2), "value");
            };
        }
        return switch (field == null ? "" : field) {
            case "residentId" -> "id_number";
            case "itemCode" -> "item_code";
            case "resultDate" -> "result_date";
            case "status" -> "status";
            case "conclusion" -> "conclusion";
            default -> "report_number";
        };
    }
}
