package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private EncounterParsing() {
    }

    /** A parsed row, or its errors (then {@code record} is null). */
    record Parsed(int row, @Nullable EncounterRecord record, List<RowError> errors) {
    }

    static Parsed parse(int row, Map<String, @Nullable Object> raw, boolean csvNames) {
        var errors = new ArrayList<RowError>();
        var f = new Fields(row, raw, csvNames, errors);
        for (String key : raw.keySet()) {
            if (!(csvNames ? COLUMNS.containsValue(key) : COLUMNS.containsKey(key))) {
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
                return hasOffset(v) ? OffsetDateTime.parse(v).toInstant() : LocalDateTime.parse(v).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new RowError(row, name(property), "format"));
                return null;
            }
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
