package org.medunion.diagnostics;

/** An order to a shared centre: ordered → received → in progress → reported, or cancelled before it is reported, or
 * rejected by the centre for specimen/image quality after receiving it (SC-3, terminal: a re-order is a new order). */
public enum OrderStatus {

    ORDERED, RECEIVED, IN_PROGRESS, REPORTED, CANCELLED, REJECTED;

    public boolean open() {
        return this != REPORTED && this != CANCELLED && this != REJECTED;
    }
}
