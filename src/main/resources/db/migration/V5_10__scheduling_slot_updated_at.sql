-- issue 12: when a slot last changed (FHIR Slot meta.lastUpdated, _lastUpdated as a SQL filter); maintained by
-- the scheduling writes (publication, booking, cancellation, release). Existing rows: the latest of the
-- schedule's publication, the slot's release and its bookings' last changes.
alter table scheduling_slot add column updated_at timestamp with time zone;
update scheduling_slot set updated_at = (select h.created_at from scheduling_schedule h where h.id = schedule_id);
update scheduling_slot set updated_at = released_at where released_at is not null and released_at > updated_at;
update scheduling_slot set updated_at = (select max(b.updated_at) from scheduling_booking b where b.slot_id = scheduling_slot.id)
    where (select max(b.updated_at) from scheduling_booking b where b.slot_id = scheduling_slot.id) > updated_at;
alter table scheduling_slot alter column updated_at set not null;
create index scheduling_slot_updated_at on scheduling_slot (updated_at);
create index scheduling_schedule_created_at on scheduling_schedule (created_at);
create index scheduling_booking_updated_at on scheduling_booking (updated_at);
