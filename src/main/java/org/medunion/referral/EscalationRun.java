package org.medunion.referral;

/** What one run of the deadline job did. */
public record EscalationRun(int escalated, int expired) {
}
