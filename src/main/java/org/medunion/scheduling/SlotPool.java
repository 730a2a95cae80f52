package org.medunion.scheduling;

/** Which callers may book a slot: primary care only (号源下沉, NN-4) until released, or everyone. */
public enum SlotPool {
    PRIMARY_CARE_RESERVED, PUBLIC
}
