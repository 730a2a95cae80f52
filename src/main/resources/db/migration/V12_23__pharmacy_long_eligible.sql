-- I-28 uptake: whether the prescription was for a resident contracted with a family-doctor team of the prescribing
-- institution (or its district or municipal hospital) and for one of the jurisdiction's RX-5 chronic diseases, as it
-- stood when written. Prescriptions written before this column are not counted (false).
alter table pharmacy_prescription add column long_eligible boolean default false not null;
