-- RX-16: an extended prescription names the downward referral whose medication list it renews.
alter table pharmacy_prescription add column referral_id uuid;
create index pharmacy_prescription_referral on pharmacy_prescription (referral_id);
