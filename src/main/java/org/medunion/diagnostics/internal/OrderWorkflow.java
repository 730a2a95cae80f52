package org.medunion.diagnostics.internal;

import java.util.EnumMap;
import java.util.Map;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.shared.ConflictException;

/** The order lifecycle's transition table: ordered → received → in progress → reported, cancelled before reporting,
 * rejected for quality (SC-3) once the centre has the specimen or images and before it reports. */
final class OrderWorkflow {

    enum Step {
        RECEIVE, START, REPORT, CANCEL, REJECT
    }

    private static final Map<OrderStatus, Map<Step, OrderStatus>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        TABLE.put(OrderStatus.ORDERED, Map.of(Step.RECEIVE, OrderStatus.RECEIVED, Step.CANCEL, OrderStatus.CANCELLED));
        TABLE.put(OrderStatus.RECEIVED, Map.of(Step.START, OrderStatus.IN_PROGRESS, Step.REPORT, OrderStatus.REPORTED,
                Step.CANCEL, OrderStatus.CANCELLED, Step.REJECT, OrderStatus.REJECTED));
        TABLE.put(OrderStatus.IN_PROGRESS, Map.of(Step.REPORT, OrderStatus.REPORTED, Step.CANCEL, OrderStatus.CANCELLED,
                Step.REJECT, OrderStatus.REJECTED));
        TABLE.put(OrderStatus.REPORTED, Map.of());
        TABLE.put(OrderStatus.CANCELLED, Map.of());
        TABLE.put(OrderStatus.REJECTED, Map.of());
    }

    private OrderWorkflow() {
    }

    /** The status after the step, or 409 DIAGNOSTICS-0013 naming the current status. */
    static OrderStatus next(OrderStatus from, Step step) {
        OrderStatus to = TABLE.getOrDefault(from, Map.of()).get(step);
        if (to == null) {
            throw new ConflictException(DiagnosticsError.ILLEGAL_TRANSITION, "status", from, step);
        }
        return to;
    }

    static Map<OrderStatus, Map<Step, OrderStatus>> table() {
        return TABLE;
    }
}
