package org.medunion.diagnostics;

/** An entry of a sterilisation centre's append-only inventory log (SC-7): packs issued to or returned by a member. */
public enum InventoryMove {
    ISSUE, RETURN
}
