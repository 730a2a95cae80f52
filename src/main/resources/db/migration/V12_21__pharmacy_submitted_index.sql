-- Pharmacy indicators (I-14, I-26…I-31) count a prescribing institution's prescriptions by the day submitted.
create index pharmacy_prescription_submitted on pharmacy_prescription (prescribing_institution_id, submitted_at);
