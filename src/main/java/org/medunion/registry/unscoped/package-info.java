/**
 * City-wide reads without scope checks, open only to modules that list {@code registry :: unscoped} in their
 * allowed dependencies (policy, demo); {@code ModularityTests} fails for any other user.
 */
@org.springframework.modulith.NamedInterface("unscoped")
@org.jspecify.annotations.NullMarked
package org.medunion.registry.unscoped;
