package org.medunion.pharmacy;

import java.util.List;

/**
 * One finding of the rules pre-screen (RX-9): {@code category} FORMAT, DOSE, DUPLICATION, INTERACTION,
 * CONTRAINDICATION or LONG_PRESCRIPTION; {@code severity} HIGH, MODERATE or INFO; {@code message} in the caller's
 * language.
 */
public record PrescreenFinding(String category, String severity, String ruleId, List<String> drugCodes, String message) {
}
