package org.medunion.diagnostics;

/**
 * A sterilisation indicator's result (SC-7). A failed chemical or biological indicator makes the batch unusable and
 * recalls it; a biological indicator still incubating is pending and does not hold the batch back.
 */
public enum IndicatorResult {
    PASS, FAIL, PENDING
}
