package org.medunion.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleKind;

/**
 * The slots a schedule generates and which of them are reserved for primary care (NN-4): exactly
 * {@code ceil(total × share)} of them, spread evenly over the period (slot i is reserved when
 * {@code ceil((i+1)·share) > ceil(i·share)}).
 */
final class SlotPlan {

    record PlannedSlot(Instant start, Instant end, boolean reserved) {
    }

    private SlotPlan() {
    }

    static List<Instant[]> times(ScheduleKind kind, LocalDate from, LocalDate to, LocalTime dayStart, LocalTime dayEnd,
                                 int slotMinutes, int perInterval, ZoneId zone) {
        var out = new ArrayList<Instant[]>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (kind == ScheduleKind.INPATIENT_BED) {
                Instant s = d.atTime(dayStart).atZone(zone).toInstant();
                Instant e = d.plusDays(1).atTime(dayStart).atZone(zone).toInstant();
                for (int k = 0; k < perInterval; k++) {
                    out.add(new Instant[] {s, e});
                }
                continue;
            }
            for (LocalTime t = dayStart; !t.plusMinutes(slotMinutes).isAfter(dayEnd)
                    && !t.plusMinutes(slotMinutes).isBefore(t); t = t.plusMinutes(slotMinutes)) {
                Instant s = d.atTime(t).atZone(zone).toInstant();
                Instant e = s.plus(Duration.ofMinutes(slotMinutes));
                for (int k = 0; k < perInterval; k++) {
                    out.add(new Instant[] {s, e});
                }
                if (t.plusMinutes(slotMinutes).equals(LocalTime.MIDNIGHT)) {
                    break;
                }
            }
        }
        return out;
    }

    static List<PlannedSlot> plan(List<Instant[]> times, ReservedShare share) {
        var out = new ArrayList<PlannedSlot>(times.size());
        long n = share.numerator();
        long d = share.denominator();
        for (int i = 0; i < times.size(); i++) {
            boolean reserved = ceilDiv((i + 1) * n, d) > ceilDiv(i * n, d);
            out.add(new PlannedSlot(times.get(i)[0], times.get(i)[1], reserved));
        }
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
