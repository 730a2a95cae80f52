/** The FHIR server, its interceptors and the resource providers and mappers for the registry and staff. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal;
