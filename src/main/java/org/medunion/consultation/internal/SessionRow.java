package org.medunion.consultation.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.SessionStatus;

/** A stored session (consultation_session) with its series. */
record SessionRow(UUID id, SeriesRow series, Instant startsAt, Instant endsAt, SessionStatus status, @Nullable String note,
                  @Nullable String recordedBy, @Nullable Instant recordedAt, long version) {
}
