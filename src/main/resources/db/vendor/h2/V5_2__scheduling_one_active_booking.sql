-- R-1 safety net, H2 equivalent of PostgreSQL's partial unique index: a generated column that holds the
-- slot only while the booking is active; unique indexes allow any number of NULLs.
alter table scheduling_booking add column active_slot_id uuid generated always as (case when status = 'BOOKED' then slot_id end);
create unique index scheduling_booking_one_active on scheduling_booking (active_slot_id);
