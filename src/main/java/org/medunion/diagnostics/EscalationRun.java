package org.medunion.diagnostics;

/** What one run of the deadline job escalated: overdue orders (SC-2) and unacknowledged critical results (SC-5). */
public record EscalationRun(int overdueOrders, int unacknowledgedCritical) {
}
