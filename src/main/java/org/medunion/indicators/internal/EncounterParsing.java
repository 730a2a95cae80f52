package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IngestReport.RowError;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/**
 * Turns one row of strings (a JSON object's properties or a CSV line by column) into an {@link EncounterRecord},
 * or into the reasons it cannot be one. Times carry an offset or are local times in Asia/Shanghai.
 */
final class EncounterParsing {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** JSON property → CSV column (docs/indicators.md). */
    static final Map<String, String> COLUMNS = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "sourceRecordId", "source_record_id", "institutionId", "institution_id", "kind", "kind",
            "occurredAt", "occurred_at", "admittedAt", "admitted_at", "residentId", "resident_id",
            "principalDiagnosis", "principal_diagnosis", "drgWeight", "drg_weight", "drgGroup", "drg_group",
            "operationLevels", "operation_levels")));

    /** The CSV column names and the JSON property names, for the unknown-key check of every row. */
    private static final Set<String> CSV_NAMES = Set.copyOf(COLUMNS.values());
    private static final Set<String> JSON_NAMES = Set.copyOf(COLUMNS.keySet());

    private EncounterParsing() {
    }

    /** A parsed row, or its errors (then {@code record} is null). */
    record Parsed(int row, @Nullable EncounterRecord record, List<RowError> errors) {
    }

    static Parsed parse(int row, Map<String, @Nullable Object> raw, boolean csvNames) {
        var errors = new ArrayList<RowError>();
        var f = new Fields(row, raw, csvNames, errors);
        for (String key : raw.keySet()) {
            if (!(csvNames ? CSV_NAMES : JSON_NAMES).contains(key)) {
                errors.add(new RowError(row, key, "unknown"));
            }
        }
        String source = f.required("sourceRecordId");
        UUID institution = f.uuid("institutionId", true);
        EncounterKind kind = f.kind();
        Instant occurred = f.time("occurredAt", true);
        Instant admitted = f.time("admittedAt", false);
        UUID resident = f.uuid("residentId", false);
        String diagnosis = f.optional("principalDiagnosis");
        BigDecimal weight = f.decimal("drgWeight");
        String group = f.optional("drgGroup");
        List<Integer> levels = f.levels();
        if (!errors.isEmpty() || source == null || institution == null || kind == null || occurred == null) {
            return new Parsed(row, null, errors);
        }
        return new Parsed(row, new EncounterRecord(source, new InstitutionId(institution), kind, occurred, admitted,
                resident == null ? null : new ResidentId(resident), diagnosis, weight, group, levels), errors);
    }

    private static final class Fields {

        private final int row;
        private final Map<String, @Nullable Object> raw;
        private final boolean csvNames;
        private final List<RowError> errors;

        Fields(int row, Map<String, @Nullable Object> raw, boolean csvNames, List<RowError> errors) {
            this.row = row;
            this.raw = raw;
            this.csvNames = csvNames;
            this.errors = errors;
        }

        private String name(String property) {
            return csvNames ? COLUMNS.getOrDefault(property, property) : property;
        }

        @Nullable
        Object rawValue(String property) {
            Object v = raw.get(name(property));
            if (v instanceof String s && s.isBlank()) {
                return null;
            }
            return v;
        }

        @Nullable
        String optional(String property) {
            Object v = rawValue(property);
            if (v == null) {
                return null;
            }
            String text = v.toString().strip();
            try {
                // a CSV row is no JSON body: the door's text guard never saw it, so the row is checked here
                TextRules.characters(text, name(property), TextRules.Kind.LINE);
            } catch (InvalidInputException e) {
                errors.add(new RowError(row, name(property), e.code()));
                return null;
            }
            return text;
        }

        @Nullable
        String required(String property) {
            String v = optional(property);
            if (v == null) {
                errors.add(new RowError(row, name(property), "required"));
            }
            return v;
        }

        @Nullable
        UUID uuid(String property, boolean required) {
            String v = required ? required(property) : optional(property);
            if (v == null) {
                return null;
            }
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row, name(property), "format"));
                return null;
            }
        }

        @Nullable
        EncounterKind kind() {
            String v = required("kind");
            if (v == null) {
                return null;
            }
            try {
                return EncounterKind.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row, name("kind"), "format"));
                return null;
            }
        }

        @Nullable
        Instant time(String property, boolean required) {
            String v = required ? required(property) : optional(property);
            if (v == null) {
                return null;
            }
            try {
                // chosen by the text, not by a first failed parse: an exception per local time cost ~40 µs a row
                if (hasOffset(v)) {
                    return OffsetDateTime.parse(v).toInstant();
                }
                LocalDateTime local = plainLocal(v);
                return (local != null ? local : LocalDateTime.parse(v)).atZone(ZONE).toInstant();
            } catch (DateTimeException e) {
                errors.add(new RowError(row, name(property), "format"));
                return null;
            }
        }

        /**
         * The usual shape of a local time, {@code 2026-02-03T08:00} or {@code 2026-02-03T08:00:15}, read digit by digit
         * (the ISO parser took ~1 µs of the ~3 µs a row costs); null for any other shape, which the ISO parser reads.
         * An impossible date or time is a {@link DateTimeException} either way.
         */
        private static @Nullable LocalDateTime plainLocal(String v) {
            int n = v.length();
            if (n != 16 && n != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                    || n == 19 && v.charAt(16) != ':') {
                return null;
            }
            int year = digits(v, 0, 4);
            int month = digits(v, 5, 2);
            int day = digits(v, 8, 2);
            int hour = digits(v, 11, 2);
            int minute = digits(v, 14, 2);
            int second = n == 19 ? digits(v, 17, 2) : 0;
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
                return null;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second);
        }

        /** The decimal number of {@code length} ASCII digits at {@code from}, or -1. */
        private static int digits(String v, int from, int length) {
            int out = 0;
            for (int i = from; i < from + length; i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                out = out * 10 + (c - '0');
            }
            return out;
        }

        /** {@code Z} or a sign after the date part ({@code 2026-02-03T08:00+08:00}); the date's own dashes come before. */
        private static boolean hasOffset(String v) {
            int time = Math.max(v.indexOf('T'), v.indexOf('t'));
            return time > 0 && (v.endsWith("Z") || v.endsWith("z") || v.indexOf('+', time) > 0 || v.indexOf('-', time) > 0);
        }

        @Nullable
        BigDecimal decimal(String property) {
            String v = optional(property);
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                errors.add(new RowError(row, name(property), "format"));
                return null;
            }
        }

        List<Integer> levels() {
            Object v = rawValue("operationLevels");
            if (v == null) {
                return List.of();
            }
            Collection<?> items = v instanceof Collection<?> c ? c
                    : List.of(v.toString().strip().split("\\s*[;|]\\s*"));
            var out = new ArrayList<Integer>();
            for (Object item : items) {
                if (item == null || item.toString().isBlank()) {
                    continue;
                }
                try {
                    out.add(Integer.parseInt(item.toString().strip()));
                } catch (NumberFormatException e) {
                    errors.add(new RowError(row, name("operationLevels"), "format"));
                    return List.of();
                }
            }
            return out;
        }
    }
}
