/**
 * The synthetic demo city: a seeded, deterministic generator of districts' grids, consortia,
 * institutions, practitioners, agreements and dispatches (through the registry's API), loaded on first
 * start in the demo profile and available from the command line at larger scales (docs/demo-city.md).
 * The demo module also seeds the other modules' demo data (residents, contracts, schedules, bookings),
 * driving their public commands itself: domain modules know nothing of the demo. It reads the whole
 * registry through {@code registry :: unscoped} to find its keyed objects. It publishes
 * {@link org.medunion.demo.DemoCityLoaded} once after a load; no module listens to it today.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Demo city", allowedDependencies = {"shared", "identity", "registry",
        "registry :: unscoped", "residents", "scheduling", "scheduling :: unscoped", "referral", "referral :: backfill",
        "indicators", "indicators :: backfill", "pharmacy", "pharmacy :: backfill",
        "consultation", "consultation :: backfill", "diagnostics", "diagnostics :: backfill"})
package org.medunion.demo;
