package org.medunion.diagnostics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The centre's quality rejection of an order (SC-3): the coded reason, its text, who and when. */
public record OrderRejection(QualityRejection reason, @Nullable String text, String rejectedBy, Instant rejectedAt) {
}
