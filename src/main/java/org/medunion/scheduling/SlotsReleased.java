package org.medunion.scheduling;

import java.time.Instant;

/** Reserved slots still free at their release time went to the public pool (NN-4). */
public record SlotsReleased(int count, Instant at) {
}
