/**
 * Accounts, roles, scopes and API tokens: who the caller is and what part of the jurisdiction they may see.
 * Account administration (REST and console) is in {@code identity.web}; identity cannot use the console shell
 * (the shell depends on identity), so its pages use the form helpers in {@code shared.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.medunion.identity;
