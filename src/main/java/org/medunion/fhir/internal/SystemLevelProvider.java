package org.medunion.fhir.internal;

/**
 * A provider of system-level interactions (a {@code transaction} posted to the base URL), registered with the FHIR
 * server beside the resource providers.
 */
public interface SystemLevelProvider {
}
