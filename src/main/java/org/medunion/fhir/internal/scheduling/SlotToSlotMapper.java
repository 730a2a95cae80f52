package org.medunion.fhir.internal.scheduling;

import java.time.ZoneId;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.medunion.fhir.internal.Systems;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotView;

/** Scheduling's schedules and slots as FHIR Schedule and Slot. */
final class SlotToSlotMapper {

    private SlotToSlotMapper() {
    }

    static Slot slot(SlotView s) {
        var slot = new Slot();
        slot.setId("Slot/" + s.id());
        slot.getMeta().setVersionId(Long.toString(s.version())).setLastUpdated(SchedulingFhir.date(s.updatedAt()));
        if (s.pool() == SlotPool.PRIMARY_CARE_RESERVED) {
            slot.getMeta().addTag(SchedulingFhir.SLOT_POOL_SYSTEM, SchedulingFhir.RESERVED_CODE, "基层预留 primary-care reserved");
        }
        slot.setSchedule(new Reference("Schedule/" + s.scheduleId()));
        slot.addServiceCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM).setCode(Systems.code(s.kind()));
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

    /**
     * The department a schedule serves, as the HealthcareService its Schedule names as actor (one per schedule,
     * same id): provided by the institution, typed by the schedule kind, named by department and discipline.
     */
    static HealthcareService service(ScheduleView s) {
        var service = new HealthcareService();
        service.setId("HealthcareService/" + s.id());
        service.getMeta().setLastUpdated(SchedulingFhir.date(s.createdAt()));
        service.setActive(true);
        service.setProvidedBy(new Reference("Organization/" + s.institutionId()));
        service.addCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM)
                .setCode(Systems.code(s.kind()));
        service.addType().setText(s.department());
        if (s.discipline() != null) {
            service.addSpecialty().setText(s.discipline());
        }
        service.setName(s.discipline() == null ? s.department() : s.department() + " " + s.discipline());
        return service;
    }

    static Schedule schedule(ScheduleView s, ZoneId zone) {
        var schedule = new Schedule();
        schedule.setId("Schedule/" + s.id());
        // published schedules are never changed afterwards: their creation is their last update
        schedule.getMeta().setLastUpdated(SchedulingFhir.date(s.createdAt()));
        schedule.setActive(true);
        schedule.addServiceCategory().addCoding().setSystem(SchedulingFhir.SCHEDULE_KIND_SYSTEM).setCode(Systems.code(s.kind()));
        schedule.addServiceType().setText(s.department());
        if (s.discipline() != null) {
            schedule.addSpecialty().setText(s.discipline());
        }
        // R4 admits no Organization as Schedule.actor (HAPI-0931): the department's HealthcareService carries it
        schedule.addActor(new Reference("HealthcareService/" + s.id()));
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
