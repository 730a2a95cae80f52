package org.medunion.consultation;

/** How often a series meets: on its weekday every week, every other week, or on the month's first such weekday. */
public enum SessionRecurrence {
    WEEKLY,
    FORTNIGHTLY,
    MONTHLY
}
