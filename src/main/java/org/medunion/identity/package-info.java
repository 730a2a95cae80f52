/**
 * Accounts, roles, scopes and API tokens: who the caller is and what part of the jurisdiction they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared"})
package org.medunion.identity;
