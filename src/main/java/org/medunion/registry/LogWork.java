package org.medunion.registry;

import java.time.LocalDate;

/** Command: a dispatched person worked on site on a day. */
public record LogWork(LocalDate workDate, Double hours, String note) {
}
