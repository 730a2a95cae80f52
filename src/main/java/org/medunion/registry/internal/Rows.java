package org.medunion.registry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/** Small JDBC helpers shared by the registry's stores. */
final class Rows {

    static final int CHUNK = 500;

    private Rows() {
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A NOT NULL enum column. */
    static <E extends Enum<E>> E requiredEnum(Class<E> type, @Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("a NOT NULL column of " + type.getSimpleName() + " read as null");
        }
        return Enum.valueOf(type, value);
    }

    /** The UUID of an institution a checked command names; null only where the column allows it. */
    static @Nullable UUID id(@Nullable InstitutionId id) {
        return id == null ? null : id.value();
    }

    static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Timestamp ts(@Nullable Instant instant) {
        return Timestamp.from(instant);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** Runs a query per chunk of IDs ({@code in (...)} lists stay small) and concatenates the results. */
    static <T> List<T> inChunks(Collection<UUID> ids, Function<List<UUID>, List<T>> query) {
        List<UUID> all = new ArrayList<>(ids);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            result.addAll(query.apply(all.subList(i, Math.min(all.size(), i + CHUNK))));
        }
        return result;
    }

    /** A decimal without trailing zeros and without an exponent (100.0000 → 100, 12.5000 → 12.5). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
