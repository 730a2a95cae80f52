-- RX-16, I-30: the receiving institution's documented decision not to continue the medication list a downward referral
-- carried (停药), with a coded reason; one per referral. An extended prescription is the other way to continue it.
create table referral_medication_stop (
    referral_id   uuid primary key references referral_referral (id),
    reason        varchar(30)              not null,
    note          varchar(500),
    stopped_by    varchar(100)             not null,
    stopped_at    timestamp with time zone not null
);
