package org.medunion.scheduling;

/** State of a slot; a slot has at most one active booking. */
public enum SlotStatus {
    FREE, BOOKED, BLOCKED
}
