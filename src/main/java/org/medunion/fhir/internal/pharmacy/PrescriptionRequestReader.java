package org.medunion.fhir.internal.pharmacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.References;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.shared.InvalidInputException;

/**
 * Reads the MedicationRequests a HIS submits as one prescription — one item each, all for the same patient with the
 * same diagnosis (docs/fhir.md "Submitting a prescription") — into the pharmacy module's {@link WritePrescription}.
 * Only the form is checked here; the RX rules, the care relationship and the pre-screen are the pharmacy module's.
 */
final class PrescriptionRequestReader {

    /** The prescription-level elements, which every item must repeat unchanged (or leave out after the first). */
    private static final Map<String, Function<MedicationRequest, @Nullable Object>> SHARED = Map.of(
            "MedicationRequest.subject", r -> r.hasSubject() ? r.getSubject().getReference() : null,
            "MedicationRequest.groupIdentifier",
            r -> r.hasGroupIdentifier() ? r.getGroupIdentifier().getSystem() + "|" + r.getGroupIdentifier().getValue() : null,
            "MedicationRequest.dispenseRequest.performer",
            r -> r.getDispenseRequest().hasPerformer() ? r.getDispenseRequest().getPerformer().getReference() : null);

    private PrescriptionRequestReader() {
    }

    static WritePrescription read(List<MedicationRequest> requests) {
        if (requests.isEmpty()) {
            throw new InvalidInputException("Bundle.entry", "field.required");
        }
        var first = requests.get(0);
        for (var r : requests) {
            SHARED.forEach((path, shared) -> {
                Object mine = shared.apply(r);
                if (mine != null && !Objects.equals(mine, shared.apply(first))) {
                    throw new InvalidInputException(path, "fhir.prescriptionMixed");
                }
            });
            status(r);
        }
        var items = new ArrayList<WritePrescription.Item>();
        for (var r : requests) {
            items.add(item(r));
        }
        var dispense = first.getDispenseRequest();
        UUID site = dispense.hasPerformer()
                ? References.uuid(dispense.getPerformer().getReference(), "Organization", "MedicationRequest.dispenseRequest.performer")
                : null;
        var icd = first.getReasonCode().stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> PharmacyFhir.ICD10.equals(c.getSystem()) && c.hasCode()).findFirst()
                .orElseThrow(() -> new InvalidInputException("MedicationRequest.reasonCode", "field.required"));
        String diagnosisText = icd.hasDisplay() ? icd.getDisplay() : first.getReasonCodeFirstRep().getText();
        return new WritePrescription(
                References.uuid(first.getSubject().getReference(), "Patient", "MedicationRequest.subject"),
                encounter(first), icd.getCode(), diagnosisText, continuous(first), urgent(first),
                text(first, PharmacyFhir.EXT_OVER_LIMIT_REASON), first.hasNote() ? first.getNoteFirstRep().getText() : null,
                flag(first, PharmacyFhir.EXT_LONG_CONFIRMED), validityDays(first), null, null, site,
                flag(first, PharmacyFhir.EXT_CENTRAL_DISTRIBUTION), flag(first, PharmacyFhir.EXT_SITE_CONFIRMED), null, items,
                referral(first));
    }

    /** RX-16: {@code basedOn} a downward referral's ServiceRequest makes it an extended prescription renewing that referral. */
    private static @Nullable UUID referral(MedicationRequest r) {
        return r.getBasedOn().stream().map(b -> b.getReference()).filter(ref -> ref != null && ref.startsWith("ServiceRequest/"))
                .findFirst().map(ref -> References.uuid(ref, "ServiceRequest", "MedicationRequest.basedOn")).orElse(null);
    }

    /** A HIS submits orders to be reviewed: {@code active} (or absent) and intent {@code order} (or absent). */
    private static void status(MedicationRequest r) {
        if (r.hasStatus() && r.getStatus() != MedicationRequest.MedicationRequestStatus.ACTIVE) {
            throw new InvalidInputException("MedicationRequest.status", "request.unknownValue", r.getStatus().toCode(), "active");
        }
        if (r.hasIntent() && r.getIntent() != MedicationRequest.MedicationRequestIntent.ORDER) {
            throw new InvalidInputException("MedicationRequest.intent", "request.unknownValue", r.getIntent().toCode(), "order");
        }
    }

    private static WritePrescription.Item item(MedicationRequest r) {
        String drug = drugCode(r);
        if (r.getDosageInstruction().size() != 1) {
            throw new InvalidInputException("MedicationRequest.dosageInstruction", "field.required");
        }
        Dosage dosage = r.getDosageInstructionFirstRep();
        Quantity dose = dosage.getDoseAndRateFirstRep().hasDoseQuantity() ? dosage.getDoseAndRateFirstRep().getDoseQuantity() : null;
        if (dose == null || !dose.hasValue()) {
            throw new InvalidInputException("MedicationRequest.dosageInstruction.doseAndRate.doseQuantity", "field.required");
        }
        String unit = dose.hasUnit() ? dose.getUnit() : dose.getCode();
        String frequency = code(dosage.getTiming().getCode());
        if (frequency == null) {
            throw new InvalidInputException("MedicationRequest.dosageInstruction.timing.code", "field.required");
        }
        var dispense = r.getDispenseRequest();
        Integer days = null;
        Integer weeks = null;
        if (dispense.hasExpectedSupplyDuration()) {
            var d = dispense.getExpectedSupplyDuration();
            String u = d.hasCode() ? d.getCode() : d.getUnit();
            int value = whole(d.getValue(), "MedicationRequest.dispenseRequest.expectedSupplyDuration");
            switch (u == null ? "" : u) {
                case "d" -> days = value;
                case "wk" -> weeks = value;
                default -> throw new InvalidInputException("MedicationRequest.dispenseRequest.expectedSupplyDuration",
                        "request.unknownValue", String.valueOf(u), "d, wk");
            }
        } else {
            throw new InvalidInputException("MedicationRequest.dispenseRequest.expectedSupplyDuration", "field.required");
        }
        BigDecimal quantity = dispense.hasQuantity() ? dispense.getQuantity().getValue() : null;
        return new WritePrescription.Item(drug, dose.getValue(), unit, code(dosage.getRoute()), frequency, days, quantity, weeks);
    }

    /** {@code Medication/<formulary code>}, or a coding of the consortium formulary. */
    private static String drugCode(MedicationRequest r) {
        if (r.hasMedicationReference()) {
            var id = new IdType(r.getMedicationReference().getReference());
            if (!"Medication".equals(id.getResourceType()) || !id.hasIdPart()) {
                throw new InvalidInputException("MedicationRequest.medicationReference", "fhir.reference",
                        r.getMedicationReference().getReference(), "Medication");
            }
            return id.getIdPart();
        }
        if (r.hasMedicationCodeableConcept()) {
            return r.getMedicationCodeableConcept().getCoding().stream()
                    .filter(c -> PharmacyFhir.FORMULARY.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode).findFirst()
                    .orElseThrow(() -> new InvalidInputException("MedicationRequest.medicationCodeableConcept", "request.unknownValue",
                            r.getMedicationCodeableConcept().getCodingFirstRep().getSystem(), PharmacyFhir.FORMULARY));
        }
        throw new InvalidInputException("MedicationRequest.medication[x]", "field.required");
    }

    /** The category of MedUnion's {@code prescription-encounter} (else outpatient, the default of a HIS clinic). */
    private static EncounterType encounter(MedicationRequest r) {
        for (CodeableConcept category : r.getCategory()) {
            for (Coding c : category.getCoding()) {
                if (PharmacyFhir.CS_ENCOUNTER.equals(c.getSystem())) {
                    for (EncounterType t : EncounterType.values()) {
                        if (Systems.code(t).equals(c.getCode())) {
                            return t;
                        }
                    }
                    throw new InvalidInputException("MedicationRequest.category", "request.unknownValue", String.valueOf(c.getCode()),
                            "outpatient, emergency, internet");
                }
            }
        }
        return EncounterType.OUTPATIENT;
    }

    /** {@code courseOfTherapyType} continuous: a chronic-disease (long) prescription. */
    private static boolean continuous(MedicationRequest r) {
        return r.getCourseOfTherapyType().getCoding().stream().anyMatch(c -> "continuous".equals(c.getCode()));
    }

    private static boolean urgent(MedicationRequest r) {
        return r.hasPriority() && r.getPriority() != MedicationRequest.MedicationRequestPriority.ROUTINE;
    }

    /** RX-2: the days from {@code validityPeriod.start} to {@code end}, both inclusive; absent = valid on the day issued. */
    private static @Nullable Integer validityDays(MedicationRequest r) {
        var period = r.getDispenseRequest().getValidityPeriod();
        if (!period.hasStart() || !period.hasEnd()) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(day(period.getStartElement()), day(period.getEndElement())) + 1;
        return (int) Math.max(0, Math.min(days, 1000));
    }

    private static LocalDate day(DateTimeType t) {
        return LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDay());
    }

    private static @Nullable Boolean flag(MedicationRequest r, String url) {
        var e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof BooleanType b ? b.getValue() : null;
    }

    private static @Nullable String text(MedicationRequest r, String url) {
        var e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof StringType s ? s.getValue() : null;
    }

    /** The first coding's code, else the text (upper-cased: frequency and route codes are QD, PO, …). */
    private static @Nullable String code(CodeableConcept concept) {
        String v = concept.getCoding().stream().map(Coding::getCode).filter(Objects::nonNull).findFirst()
                .orElse(concept.hasText() ? concept.getText() : null);
        return v == null || v.isBlank() ? null : v.strip().toUpperCase(Locale.ROOT);
    }

    private static int whole(@Nullable BigDecimal value, String field) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new InvalidInputException(field, "fhir.wrongType", "integer 1–1000");
        }
        return value.intValueExact();
    }
}
