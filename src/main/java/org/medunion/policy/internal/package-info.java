/** The policy module's internals: evaluation, compliance reports, findings, overrides, thresholds and the store. */
@org.jspecify.annotations.NullMarked
package org.medunion.policy.internal;
