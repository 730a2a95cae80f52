package org.medunion.referral.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The referral criteria met (stored comma-separated) or, when none is met, the reason for referring anyway.
 * A referral may be submitted only with one of them.
 */
record Justification(@Nullable String criteriaMet, @Nullable String noCriteriaReason) {

    static Justification of(List<UUID> met, @Nullable String noCriteriaReason) {
        return new Justification(met.isEmpty() ? null : String.join(",", met.stream().map(UUID::toString).toList()),
                noCriteriaReason);
    }

    List<UUID> criteria() {
        return criteriaMet == null || criteriaMet.isBlank() ? List.of()
                : Arrays.stream(criteriaMet.split(",")).map(UUID::fromString).toList();
    }

    boolean given() {
        return criteriaMet != null && !criteriaMet.isBlank() || noCriteriaReason != null && !noCriteriaReason.isBlank();
    }
}
