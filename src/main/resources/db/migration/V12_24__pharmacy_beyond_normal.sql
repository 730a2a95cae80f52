-- I-28's denominator: a line beyond RX-6's normalDays of the prescribing institution's jurisdiction (overrides
-- honoured), decided when the prescription is written. Earlier prescriptions take the national 28 days.
alter table pharmacy_prescription add column beyond_normal boolean default false not null;
update pharmacy_prescription set beyond_normal = true where long_prescription
    and exists (select 1 from pharmacy_prescription_item i where i.prescription_id = pharmacy_prescription.id and i.days_supply > 28);
