/**
 * Append-only audit trail of every read and change of personal data and of every registry change (S-2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared", "identity"})
package org.medunion.audit;
