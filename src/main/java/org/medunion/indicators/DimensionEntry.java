package org.medunion.indicators;

import org.jspecify.annotations.Nullable;

/**
 * One dimension as a form or a JSON body gives it.
 *
 * @param dimension D-1 … D-7
 * @param rating    EXCELLENT, GOOD, PASS or FAIL
 * @param score     0–100, optional
 * @param comment   up to 2000 characters, optional
 * @param evidence  self-assessment only: up to 4000 characters
 * @param reference self-assessment only: up to 500 characters (document number, file name, link)
 */
public record DimensionEntry(@Nullable String dimension, @Nullable String rating, @Nullable Integer score, @Nullable String comment,
                             @Nullable String evidence, @Nullable String reference) {
}
