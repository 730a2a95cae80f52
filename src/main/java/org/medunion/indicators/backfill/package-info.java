/**
 * Encounter facts loaded by the system without a caller (the demo city): open only to modules that list
 * {@code indicators :: backfill}, and refused to any logged-in caller. Rows are validated and rolled up exactly as
 * through {@code POST /api/indicators/encounters}.
 */
@org.springframework.modulith.NamedInterface("backfill")
@org.jspecify.annotations.NullMarked
package org.medunion.indicators.backfill;
