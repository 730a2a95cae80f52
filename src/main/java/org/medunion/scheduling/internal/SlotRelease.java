package org.medunion.scheduling.internal;

import static org.medunion.scheduling.internal.SchedulingInput.require;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.ReleaseRatioView.Ratio;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotsReleased;
import org.medunion.shared.InstitutionDays;
import org.medunion.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Release of reserved slots to the public pool (NN-4) and the release ratios behind I-8, I-9 and I-22, summed from the
 * per-slot rows the indicators' record lists show ({@link SlotRows}).
 */
@Component
class SlotRelease {

    /** No slots of a kind: the counts' zero row. */
    private static final long[] NONE = new long[4];

    private final SchedulingStore store;
    private final SchedulingSettings settings;
    private final ApplicationEventPublisher events;
    private final SlotRows rows;
    private final TransactionTemplate tx;

    SlotRelease(SchedulingStore store, SchedulingSettings settings, ApplicationEventPublisher events, SlotRows rows,
                PlatformTransactionManager transactions) {
        this.store = store;
        this.rows = rows;
        this.settings = settings;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    int releaseDueSlots(Instant now) {
        Integer n = tx.execute(s -> {
            int moved = store.releaseDue(now);
            if (moved > 0) {
                events.publishEvent(new SlotsReleased(moved, now));
            }
            return moved;
        });
        return n == null ? 0 : n;
    }

    ReleaseRatioView releaseRatios(InstitutionId institution, LocalDate from, LocalDate to) {
        require(institution, "institution");
        require(from, "from");
        require(to, "to");
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", SchedulingError.INVALID_PERIOD, from, to);
        }
        var counts = rows.counts(List.of(new InstitutionDays(institution.value(), from, to)));
        long[] outpatient = sum(counts.getOrDefault(ScheduleKind.OUTPATIENT_EXPERT, NONE),
                counts.getOrDefault(ScheduleKind.OUTPATIENT_SPECIALTY, NONE));
        long[] beds = sum(counts.getOrDefault(ScheduleKind.INPATIENT_BED, NONE));
        long[] exams = sum(counts.getOrDefault(ScheduleKind.EXAM, NONE));
        long reserved = outpatient[1] + beds[1] + exams[1];
        long released = outpatient[2] + beds[2] + exams[2];
        long used = outpatient[3] + beds[3] + exams[3];
        long examsUsed = exams[3];
        return new ReleaseRatioView(institution, from, to, new Ratio(outpatient[1], outpatient[0]), new Ratio(beds[1], beds[0]),
                new Ratio(exams[1], exams[0]), new Ratio(used, reserved), new Ratio(examsUsed, exams[1]), released,
                settings.outpatient(institution), settings.beds(institution));
    }

    /** Adds the {total, reserved, released, booked through primary care} counts of several kinds. */
    private static long[] sum(long[]... parts) {
        long[] out = new long[4];
        for (long[] p : parts) {
            for (int i = 0; i < 4; i++) {
                out[i] += p[i];
            }
        }
        return out;
    }
}
