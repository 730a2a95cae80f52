package org.medunion.referral;

/** How fast the receiving side must accept; each urgency has its own acceptance deadline. */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}
