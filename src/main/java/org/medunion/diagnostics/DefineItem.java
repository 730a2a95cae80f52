package org.medunion.diagnostics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Adds or replaces a catalogue item (administrators). */
public record DefineItem(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String unit,
                         @Nullable String referenceRange, @Nullable BigDecimal listPrice) {
}
