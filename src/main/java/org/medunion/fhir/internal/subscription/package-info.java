/** R4 Subscriptions (rest-hook): criteria, endpoints, delivery from the event publication registry with retries. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal.subscription;
