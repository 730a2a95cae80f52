package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.UUID;

/** A QC record (SC-8): an institution's EQA result for an item, its level and scope, valid from/until (inclusive). */
public record QcView(UUID id, UUID institutionId, String itemCode, boolean passed, QcLevel level, String scopeLabel,
                     LocalDate validFrom, LocalDate validUntil) {

    /** The recognition mark this pass gives (NAT-R-3): scope + "HR", e.g. 全国HR, 上海HR, 医联体HR. */
    public String mark() {
        return scopeLabel + "HR";
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
