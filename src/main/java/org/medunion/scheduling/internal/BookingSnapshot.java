package org.medunion.scheduling.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.Priority;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import tools.jackson.databind.json.JsonMapper;

/** The booking as first answered, frozen for idempotent replays: flat JSON of plain values. */
final class BookingSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BookingSnapshot() {
    }

    static String write(BookingView b) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", b.id().toString());
        m.put("slotId", b.slotId().toString());
        m.put("scheduleId", b.scheduleId().toString());
        m.put("institutionId", b.institutionId().toString());
        m.put("department", b.department());
        m.put("kind", b.kind().name());
        m.put("start", b.start().toString());
        m.put("end", b.end().toString());
        m.put("pool", b.pool().name());
        m.put("residentId", b.residentId().toString());
        m.put("bookedBy", b.bookedBy());
        m.put("bookedByInstitution", b.bookedByInstitution() == null ? null : b.bookedByInstitution().toString());
        m.put("primaryCare", Boolean.toString(b.primaryCare()));
        m.put("priority", b.priority() == null ? null : b.priority().name());
        m.put("contractId", b.contractId() == null ? null : b.contractId().toString());
        m.put("status", b.status().name());
        m.put("createdAt", b.createdAt().toString());
        return JSON.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    static BookingView read(String json) {
        Map<String, String> m = JSON.readValue(json, Map.class);
        return new BookingView(BookingId.of(m.get("id")), SlotId.of(m.get("slotId")), ScheduleId.of(m.get("scheduleId")),
                InstitutionId.of(m.get("institutionId")), m.get("department"), ScheduleKind.valueOf(m.get("kind")),
                Instant.parse(m.get("start")), Instant.parse(m.get("end")), SlotPool.valueOf(m.get("pool")),
                new ResidentId(UUID.fromString(m.get("residentId"))), m.get("bookedBy"),
                m.get("bookedByInstitution") == null ? null : InstitutionId.of(m.get("bookedByInstitution")),
                Boolean.parseBoolean(m.get("primaryCare")), m.get("priority") == null ? null : Priority.valueOf(m.get("priority")),
                m.get("contractId") == null ? null : new ContractId(UUID.fromString(m.get("contractId"))),
                BookingStatus.valueOf(m.get("status")), Instant.parse(m.get("createdAt")));
    }
}
