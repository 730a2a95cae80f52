/**
 * Diagnostics commands run by the system with an explicit actor (and instant, for orders), for results and orders
 * that happened earlier or elsewhere: open only to modules that list {@code diagnostics :: backfill} (the demo city),
 * and refused to any logged-in caller, since a report or an order names a resident.
 */
@org.springframework.modulith.NamedInterface("backfill")
@org.jspecify.annotations.NullMarked
package org.medunion.diagnostics.backfill;
