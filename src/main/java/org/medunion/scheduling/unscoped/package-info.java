/**
 * Scheduling commands that act without a caller's scope, open only to modules that list
 * {@code scheduling :: unscoped} in their allowed dependencies (demo).
 */
@org.springframework.modulith.NamedInterface("unscoped")
@org.jspecify.annotations.NullMarked
package org.medunion.scheduling.unscoped;
