package org.medunion.residents;

/**
 * Search: by ID number (exact) or by name (prefix); {@code limit} defaults to 50, at most 200.
 */
public record ResidentSearch(String idNumber, String name, Integer limit) {
}
