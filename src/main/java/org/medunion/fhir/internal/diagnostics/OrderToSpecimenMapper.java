package org.medunion.fhir.internal.diagnostics;

import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.medunion.diagnostics.OrderRejection;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.QualityRejection;
import org.medunion.diagnostics.SpecimenType;
import org.springframework.context.MessageSource;

/**
 * The specimen of a lab or pathology order to a centre (diagnostics.md (d), decision 0237), id {@code <order>-specimen}:
 * the item's specimen type (HL7 v2 table 0487, the name as text), the resident, the order's ServiceRequest as request,
 * collected when the order was placed (no collection record is kept), received and accessioned when the centre
 * received the order. Status: {@code unsatisfactory} once the centre rejected it for quality (SC-3) with the reason as
 * condition, {@code unavailable} once cancelled, else {@code available}. Version and last change are the order's.
 */
final class OrderToSpecimenMapper {

    static final String V2_SPECIMEN_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0487";
    static final String V2_SPECIMEN_CONDITION = "http://terminology.hl7.org/CodeSystem/v2-0493";

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private OrderToSpecimenMapper() {
    }

    /** Whether the order sends a specimen (its item is of the lab or pathology kind). */
    static boolean has(OrderView o) {
        return o.specimenType() != null;
    }

    static String id(OrderView o) {
        return o.id().value() + DiagnosticsFhir.SPECIMEN_SUFFIX;
    }

    static Specimen specimen(OrderView o, MessageSource messages) {
        var s = new Specimen();
        s.setId(new IdType("Specimen", id(o), Long.toString(o.version())));
        s.getMeta().setVersionId(Long.toString(o.version())).setLastUpdated(Date.from(o.updatedAt()));
        if (o.receivedAt() != null) {
            s.setAccessionIdentifier(new Identifier().setSystem(DiagnosticsFhir.ID_ACCESSION).setValue(o.id().value().toString()));
            s.setReceivedTime(Date.from(o.receivedAt()));
        }
        s.setStatus(o.status() == OrderStatus.REJECTED ? Specimen.SpecimenStatus.UNSATISFACTORY
                : o.status() == OrderStatus.CANCELLED ? Specimen.SpecimenStatus.UNAVAILABLE : Specimen.SpecimenStatus.AVAILABLE);
        if (o.specimenType() != null) {
            s.setType(type(o.specimenType(), messages));
        }
        s.setSubject(new Reference("Patient/" + o.residentId()));
        s.addRequest(new Reference("ServiceRequest/" + OrderToFhirMapper.id(o)));
        s.getCollection().setCollected(new DateTimeType(Date.from(o.orderedAt())));
        if (o.rejection() != null) {
            s.addCondition(condition(o.rejection(), messages));
        }
        return s;
    }

    /** The HL7 v2 specimen type with its HL7 display; the name in Chinese as text. */
    private static CodeableConcept type(SpecimenType type, MessageSource messages) {
        var c = new CodeableConcept().setText(text(messages, "diagnostics.specimen." + type.name()));
        c.addCoding(switch (type) {
            case VENOUS_BLOOD -> new Coding(V2_SPECIMEN_TYPE, "BLDV", "Blood venous");
            case WHOLE_BLOOD -> new Coding(V2_SPECIMEN_TYPE, "BLD", "Whole blood");
            case SERUM -> new Coding(V2_SPECIMEN_TYPE, "SER", "Serum");
            case PLASMA -> new Coding(V2_SPECIMEN_TYPE, "PLAS", "Plasma");
            case URINE -> new Coding(V2_SPECIMEN_TYPE, "UR", "Urine");
            case STOOL -> new Coding(V2_SPECIMEN_TYPE, "STL", "Stool = Fecal");
            case SPUTUM -> new Coding(V2_SPECIMEN_TYPE, "SPT", "Sputum");
            case CEREBROSPINAL_FLUID -> new Coding(V2_SPECIMEN_TYPE, "CSF", "Cerebral spinal fluid");
            case TISSUE -> new Coding(V2_SPECIMEN_TYPE, "TISS", "Tissue");
        });
        return c;
    }

    /**
     * SC-3's reason: the centre-order-rejection code, with HL7 v2 table 0493's code where one says the same (haemolysed);
     * the reason's name and the centre's note as text.
     */
    private static CodeableConcept condition(OrderRejection r, MessageSource messages) {
        String name = text(messages, "diagnostics.rejection." + r.reason().name());
        var c = new CodeableConcept().setText(r.text() == null ? name : name + "：" + r.text());
        if (r.reason() == QualityRejection.SPECIMEN_HAEMOLYSED) {
            c.addCoding(new Coding(V2_SPECIMEN_CONDITION, "HEM", "Hemolyzed"));
        }
        c.addCoding(new Coding(DiagnosticsFhir.CS_ORDER_REJECTION, r.reason().code(), null));
        return c;
    }

    private static String text(MessageSource messages, String key) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, ZH), key);
    }
}
