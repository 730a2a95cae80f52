package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The exam slot an imaging order books at the institution running the centre (SC-4, decision 0236): the slot
 * {@code slotId}, or with {@code firstFree} the first free one the caller may book (reserved share first for primary
 * care, then the public pool), on {@code date} if given. Exactly one of the two.
 */
public record ExamSlotChoice(@Nullable UUID slotId, @Nullable Boolean firstFree, @Nullable LocalDate date) {

    public static ExamSlotChoice slot(UUID slotId) {
        return new ExamSlotChoice(slotId, null, null);
    }

    public static ExamSlotChoice firstFree(@Nullable LocalDate date) {
        return new ExamSlotChoice(null, true, date);
    }
}
