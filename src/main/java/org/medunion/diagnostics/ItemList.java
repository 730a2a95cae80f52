package org.medunion.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a jurisdiction's recognised-item list (互认项目目录): its items with their validity window in days
 * (null: no window — imaging "doctor judges", or a lab item falling back to NAT-R-4's default).
 */
public record ItemList(UUID id, String jurisdiction, int version, LocalDate validFrom, List<Entry> entries,
                       String publishedBy, Instant publishedAt) {

    public record Entry(String itemCode, @Nullable Integer windowDays) {
    }
}
