package org.medunion.pharmacy;

import org.jspecify.annotations.Nullable;

/** One item of a member's own drug catalogue; {@code formularyCode} null = not mapped to the consortium formulary. */
public record CatalogueItem(String localCode, String localName, @Nullable String formularyCode) {
}
