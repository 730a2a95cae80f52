-- R-1 safety net: at most one active booking per slot, whatever the code does (partial unique index).
create unique index scheduling_booking_one_active on scheduling_booking (slot_id) where status = 'BOOKED';
