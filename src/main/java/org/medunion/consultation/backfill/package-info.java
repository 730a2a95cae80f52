/**
 * Consultation commands run by the system with an explicit actor and instant: open only to modules that list
 * {@code consultation :: backfill} (the demo city), and refused to any logged-in caller, since requesting a
 * consultation names a resident and opens their record to the invited institution.
 */
@org.springframework.modulith.NamedInterface("backfill")
@org.jspecify.annotations.NullMarked
package org.medunion.consultation.backfill;
