/**
 * Referral commands run by the system with an explicit actor and instant, skipping both sides' access rules: open
 * only to modules that list {@code referral :: backfill} (the demo city), and refused to any logged-in caller,
 * since creating a referral names a resident and would otherwise open their record to the receiving side.
 */
@org.springframework.modulith.NamedInterface("backfill")
@org.jspecify.annotations.NullMarked
package org.medunion.referral.backfill;
