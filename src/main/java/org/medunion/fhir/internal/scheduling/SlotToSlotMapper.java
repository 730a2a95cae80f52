package org.medunion.fhir.internal.scheduling;

import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotView;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import java.time.ZoneId;

/** Scheduling's schedules and slots as FHIR Schedule and Slot. */
final class SlotToSlotMapper {

    private SlotToSlotMapper() {
    }

    static Slot slot(SlotView s) {
        var slot = new Slot();
        slot.setId("Slot/" + s.id());
        slot.getMeta().setVersionId(Long.toString(s.version()));
        if (s.pool() == SlotPool.PRIMARY_CARE_RESERVED) {
            slot.getMeta().addTag(SchedulingFhir.SLOT_POOL_SYSTEM, SchedulingFhir.RESERVED_CODE, "基层预留 primary-care reserved");
        }
        slot.setSchedule(new Reference("Schedule/" + s.scheduleId()));
        slot.addServiceCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM).setCode(org.medunion.fhir.internal.Systems.code(s.kind()));
        slot.addServiceType().setText(s.department());
        if (s.discipline() != null) {
            slot.addSpecialty().setText(s.discipline());
        }
        slot.setStatus(switch (s.status()) {
            case FREE -> Slot.SlotStatus.FREE;
            case BOOKED -> Slot.SlotStatus.BUSY;
            case BLOCKED -> Slot.SlotStatus.BUSYUNAVAILABLE;
        });
        slot.setStart(SchedulingFhir.date(s.start()));
        slot.setEnd(SchedulingFhir.date(s.end()));
        return slot;
    }

    static Schedule schedule(ScheduleView s, ZoneId zone) {
        var schedule = new Schedule();
        schedule.setId("Schedule/" + s.id());
        schedule.setActive(true);
        schedule.addServiceCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM).setCode(org.medunion.fhir.internal.Systems.code(s.kind()));
        schedule.addServiceType().setText(s.department());
        if (s.discipline() != null) {
            schedule.addSpecialty().setText(s.discipline());
        }
        schedule.addActor(new Reference("Organization/" + s.institutionId()));
        if (s.practitionerId() != null) {
            schedule.addActor(new Reference("Practitioner/" + s.practitionerId()));
        }
        schedule.setPlanningHorizon(new Period()
                .setStart(SchedulingFhir.date(s.periodStart().atStartOfDay(zone).toInstant()))
                .setEnd(SchedulingFhir.date(s.periodEnd().plusDays(1).atStartOfDay(zone).toInstant())));
        schedule.setComment(s.slotCount() + " slots, " + s.reservedCount() + " reserved for primary care ("
                + s.reservedShare() + "), released " + s.releaseLeadTime() + " before start");
        return schedule;
    }
}
