package org.medunion.diagnostics;

import java.util.List;

/** One page of an {@link OrderSearch} and how many orders match in all. */
public record OrderPage(List<OrderView> items, long total) {
}
