package org.medunion.diagnostics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Maps a member institution's own item code (HIS/LIS) to the catalogue. */
public record MapCode(@Nullable UUID institutionId, @Nullable String memberCode, @Nullable String itemCode) {
}
