package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The invited side accepts with a time (or session) and the physician who will answer (TM-5). A live form (remote,
 * inter-hospital, MDT) may name a free consultation slot of that expert ({@code slotId}): it is booked in scheduling and
 * its start is the session time. An MDT may name further experts ({@code expertIds}), each checked against TM-5 like the
 * lead; the lead signs the opinion, the others take part (decision 0255).
 */
public record AcceptConsultation(@Nullable Instant sessionAt, @Nullable UUID expertPractitionerId, @Nullable String note,
                                 @Nullable UUID slotId, @Nullable List<UUID> expertIds) {

    /** Acceptance with a time and one expert, no slot booked. */
    public AcceptConsultation(@Nullable Instant sessionAt, @Nullable UUID expertPractitionerId, @Nullable String note) {
        this(sessionAt, expertPractitionerId, note, null, null);
    }
}
