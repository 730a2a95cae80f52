package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/** The centre sends an order back for quality (SC-3): a {@link QualityRejection} name, and a text (required for OTHER). */
public record RejectOrder(@Nullable String reason, @Nullable String reasonText) {
}
