/**
 * Pharmacy commands run by the system with an explicit actor and instant, skipping the callers' access rules: open
 * only to modules that list {@code pharmacy :: backfill} (the demo city), and refused to any logged-in caller, since
 * writing a prescription names a resident and would otherwise open their record to the reviewing centre.
 */
@org.springframework.modulith.NamedInterface("backfill")
@org.jspecify.annotations.NullMarked
package org.medunion.pharmacy.backfill;
