package org.medunion.diagnostics;

/** The condition of packs a member returns to the sterilisation centre (SC-7); only unused packs go back to stock. */
public enum PackCondition {
    USED, UNUSED, DAMAGED
}
