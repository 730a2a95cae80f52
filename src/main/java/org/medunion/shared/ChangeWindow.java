package org.medunion.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a record last changed, for incremental synchronisation (FHIR {@code _lastUpdated}): the modules apply it in
 * SQL, before anything is read or audited.
 *
 * @param from first change instant admitted (inclusive), null = unbounded
 * @param to   last change instant admitted (inclusive), null = unbounded
 */
public record ChangeWindow(@Nullable Instant from, @Nullable Instant to) {

    public static final ChangeWindow ANY = new ChangeWindow(null, null);

    /**
     * Appends {@code and column >= ? and column < ?} for the bounds present, with their parameters (UTC offsets, which
     * both H2 and PostgreSQL bind to {@code timestamp with time zone}); the upper bound is one microsecond (the
     * databases' precision) past {@code to}.
     */
    public void appendTo(StringBuilder sql, List<Object> params, String column) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= ?");
            params.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < ?");
            params.add(to.plusNanos(1_000).atOffset(ZoneOffset.UTC));
        }
    }
}
