package org.medunion.diagnostics;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The office's view of its centres and recognition: orders by status, overdue ones, mean turnaround of reported
 * orders, recognitions and re-examinations by reason, avoided cost (I-25).
 */
public record CentreOverview(Map<OrderStatus, Long> ordersByStatus, long overdue, double meanTurnaroundHours,
                             long recognitions, long reexaminations, Map<String, Long> reexaminationsByReason,
                             BigDecimal avoidedCost) {

    /** Recognitions ÷ (recognitions + re-examinations counted as non-recognition); 0 when there were none. */
    public double recognitionRate() {
        long counted = recognitions + ReexaminationReason.nonRecognitions(reexaminationsByReason);
        return counted == 0 ? 0 : (double) recognitions / counted;
    }
}
