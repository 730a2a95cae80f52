package org.medunion.policy.rules;

/** How a rule acts (rules.md): BLOCK stops a registry change, WARN records a finding, TARGET compares an indicator, INFO reports. */
public enum Severity {
    BLOCK, WARN, TARGET, INFO
}
