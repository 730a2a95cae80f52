package org.medunion.pharmacy;

import org.jspecify.annotations.Nullable;

/** The pharmacist's decision (approve / approve with note / return with reason) or the prescriber's override reason. */
public record ReviewDecision(@Nullable String note, @Nullable String reason) {
}
