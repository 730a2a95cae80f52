package org.medunion.pharmacy;

import org.jspecify.annotations.Nullable;

/** A dispensing outcome: the reason is required for DISPENSE_PARTIAL and NOT_DISPENSE. */
public record Dispense(@Nullable NotDispensedReason reason, @Nullable String note) {
}
