/** The policy rules: the rule packs, their criteria and parameters, the registry snapshot and the rule engine. */
@org.jspecify.annotations.NullMarked
package org.medunion.policy.rules;
