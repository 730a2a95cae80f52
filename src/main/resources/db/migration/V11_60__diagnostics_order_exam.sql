-- diagnostics: the exam slot an imaging order booked at the institution running the centre (SC-4, SC-6, decision 0236).
-- One row per order that booked one, written in the order's transaction; the booking itself is the scheduling module's
-- (a typed ID, no foreign key across modules). released_at is set when the order is cancelled or rejected, or the booking
-- is cancelled in scheduling: the slot went back to its pool.
create table diagnostics_order_exam (
    order_id        uuid          primary key references diagnostics_order (id),
    booking_id      uuid          not null,
    slot_id         uuid          not null,
    department      varchar(100)  not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone not null,
    reserved_share  boolean       not null,
    priority        boolean       not null,
    released_at     timestamp with time zone
);
create unique index diagnostics_order_exam_booking on diagnostics_order_exam (booking_id);
