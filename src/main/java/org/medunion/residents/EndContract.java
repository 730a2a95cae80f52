package org.medunion.residents;

import java.time.LocalDate;

/**
 * Command: end a contract early (解约).
 *
 * @param reason  required
 * @param endDate defaults to today; not before the start, not after the current end
 */
public record EndContract(String reason, LocalDate endDate) {
}
