package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * What one order entry recorded (NAT-R-5, 6): the decision on the offer (none when nothing was offered) and the order
 * to the centre (none when an earlier result was recognised instead).
 */
public record OrderEntry(@Nullable DecisionView decision, @Nullable OrderView order) {
}
