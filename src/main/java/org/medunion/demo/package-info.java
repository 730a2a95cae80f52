/**
 * The synthetic demo city: a seeded, deterministic generator of districts' grids, consortia,
 * institutions, practitioners, agreements and dispatches (through the registry's API), loaded on first
 * start in the demo profile and available from the command line at larger scales (docs/demo-city.md).
 * Other modules add their demo data by listening to {@link org.medunion.demo.DemoCityLoaded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city",
        allowedDependencies = {"shared", "identity", "registry", "registry :: unscoped", "residents", "scheduling", "referral"})
package org.medunion.demo;
