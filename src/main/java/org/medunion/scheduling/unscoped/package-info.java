/**
 * Scheduling commands that act without a caller's scope, open only to modules that list
 * {@code scheduling :: unscoped} in their allowed dependencies (demo).
 */
@org.springframework.modulith.NamedInterface("unscoped")
package org.medunion.scheduling.unscoped;
