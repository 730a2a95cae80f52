package org.medunion.diagnostics;

/** An order to a shared centre: ordered → received → in progress → reported, or cancelled before it is reported. */
public enum OrderStatus {

    ORDERED, RECEIVED, IN_PROGRESS, REPORTED, CANCELLED;

    public boolean open() {
        return this != REPORTED && this != CANCELLED;
    }
}
