/** The policy rules: the rule packs, their criteria and parameters, the registry snapshot and the rule engine. */
package org.medunion.policy.rules;
