/**
 * The synthetic demo city: a seeded, deterministic generator of districts, grids, consortia,
 * institutions, practitioners and (through the other modules' APIs) residents and workflow data,
 * loaded on first start in the demo profile and available from the command line at larger scales.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.medunion.demo;
