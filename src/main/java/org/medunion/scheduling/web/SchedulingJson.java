package org.medunion.scheduling.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SlotView;

/** Request and response bodies of /api/scheduling: plain JSON values, typed IDs as UUID strings. */
final class SchedulingJson {

    private SchedulingJson() {
    }

    record PublishScheduleRequest(UUID institutionId, String department, String discipline, UUID practitionerId,
                                  ScheduleKind kind, LocalDate periodStart, LocalDate periodEnd, LocalTime dayStart,
                                  LocalTime dayEnd, Integer slotMinutes, Integer perInterval, String reservedShare,
                                  Duration releaseLeadTime) {
    }

    record BookRequest(UUID slotId, UUID scheduleId, LocalDate date, UUID residentId) {
    }

    record ScheduleJson(String id, String institutionId, String department, @Nullable String discipline, @Nullable String practitionerId,
                        String kind, LocalDate periodStart, LocalDate periodEnd, String reservedShare, String releaseLeadTime,
                        int slotCount, int reservedCount, Instant createdAt, String createdBy) {

        static ScheduleJson of(ScheduleView s) {
            return new ScheduleJson(s.id().toString(), s.institutionId().toString(), s.department(), s.discipline(),
                    s.practitionerId() == null ? null : s.practitionerId().toString(), s.kind().name(), s.periodStart(),
                    s.periodEnd(), s.reservedShare().toString(), s.releaseLeadTime().toString(), s.slotCount(),
                    s.reservedCount(), s.createdAt(), s.createdBy());
        }
    }

    record SlotJson(String id, String scheduleId, String institutionId, String department, @Nullable String discipline,
                    String kind, Instant start, Instant end, boolean reserved, String pool, String status,
                    @Nullable Instant releaseAt, @Nullable Instant releasedAt, long version) {

        static SlotJson of(SlotView s) {
            return new SlotJson(s.id().toString(), s.scheduleId().toString(), s.institutionId().toString(), s.department(),
                    s.discipline(), s.kind().name(), s.start(), s.end(), s.reserved(), s.pool().name(), s.status().name(),
                    s.releaseAt(), s.releasedAt(), s.version());
        }
    }

    record BookingJson(String id, String slotId, String scheduleId, String institutionId, String department, String kind,
                       Instant start, Instant end, String pool, String residentId, String bookedBy,
                       @Nullable String bookedByInstitution, boolean primaryCare, @Nullable String priority,
                       @Nullable String contractId, String status,
                       Instant createdAt) {

        static BookingJson of(BookingView b) {
            return new BookingJson(b.id().toString(), b.slotId().toString(), b.scheduleId().toString(),
                    b.institutionId().toString(), b.department(), b.kind().name(), b.start(), b.end(), b.pool().name(),
                    b.residentId().toString(), b.bookedBy(),
                    b.bookedByInstitution() == null ? null : b.bookedByInstitution().toString(), b.primaryCare(),
                    b.priority() == null ? null : b.priority().name(), b.contractId() == null ? null : b.contractId().toString(),
                    b.status().name(), b.createdAt());
        }
    }

    record RatioJson(long numerator, long denominator, @Nullable Double value, boolean noData) {

        static RatioJson of(ReleaseRatioView.Ratio r) {
            return new RatioJson(r.numerator(), r.denominator(), r.value(), !r.hasData());
        }
    }

    record ReleaseRatioJson(String institutionId, LocalDate from, LocalDate to, RatioJson outpatient, RatioJson beds,
                            RatioJson exams, RatioJson reservedUse, long released, String outpatientMinimum,
                            String bedsMinimum, @Nullable Boolean outpatientMeetsMinimum,
                            @Nullable Boolean bedsMeetMinimum) {

        static ReleaseRatioJson of(ReleaseRatioView v) {
            return new ReleaseRatioJson(v.institutionId().toString(), v.from(), v.to(), RatioJson.of(v.outpatient()),
                    RatioJson.of(v.beds()), RatioJson.of(v.exams()), RatioJson.of(v.reservedUse()), v.released(),
                    v.outpatientMinimum().toString(), v.bedsMinimum().toString(), v.outpatientMeetsMinimum(),
                    v.bedsMeetMinimum());
        }
    }
}
