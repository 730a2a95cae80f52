-- FHIR searches by patient (issue 16): a resident's prescriptions, newest change first
create index pharmacy_prescription_resident on pharmacy_prescription (resident_id, updated_at);
