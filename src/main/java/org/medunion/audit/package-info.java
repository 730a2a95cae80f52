/**
 * Append-only audit trail of every read and change of personal data and of every registry change (S-2).
 * Its REST API and the auditor's console page are in {@code audit.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared", "identity", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.audit;
