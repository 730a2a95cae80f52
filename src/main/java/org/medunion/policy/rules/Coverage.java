package org.medunion.policy.rules;

/**
 * How much of a rule the platform can check with the data it has. A rule that is not fully EVALUATED never
 * passes silently: it reports NO_DATA findings (or asks for manual evidence) where its data is missing.
 */
public enum Coverage {
    /** Checked entirely from registry data. */
    EVALUATED,
    /** Checked in part; the rest is reported as NO_DATA. */
    PARTIAL,
    /** The data lives in a module that does not exist yet (scheduling, referral, pharmacy, indicators). */
    NO_DATA,
    /** Only manual evidence can show it (NAT-14, NAT-15). */
    MANUAL
}
