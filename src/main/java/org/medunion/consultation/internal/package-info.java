/** The consultation module's internals: the aggregate, its store, gates, access rules and services. */
@org.jspecify.annotations.NullMarked
package org.medunion.consultation.internal;
