package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.Systems;

/**
 * A closed consultation's price item (TM-13) as {@code ChargeItem}, same id as the consultation: the agreement's fee
 * for the consultation type, performed by the invited side and requested by the inviting one, the consultation's
 * ServiceRequest as supporting information (R4's {@code context} takes only an Encounter or EpisodeOfCare, which a
 * consultation does not keep). And the TM-9 retention extension an ended consultation's records carry.
 */
final class ConsultationChargeMapper {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ConsultationChargeMapper() {
    }

    /** The price item; {@code null} when the consultation recorded none. */
    static @Nullable ChargeItem charge(ConsultationView c) {
        var k = c.charge();
        if (k == null) {
            return null;
        }
        var item = new ChargeItem();
        item.setId(new IdType("ChargeItem", c.id().toString(), Long.toString(c.version())));
        item.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        item.addIdentifier().setSystem(Systems.ID_CONSULTATION).setValue(c.number());
        item.setStatus(ChargeItem.ChargeItemStatus.BILLABLE);
        item.setCode(new CodeableConcept().addCoding(new Coding(ConsultationFhir.CS_TYPE, ReferralFhir.code(c.type()), null)));
        item.setSubject(new Reference("Patient/" + c.residentId()));
        var on = new DateTimeType(Date.from(k.chargedOn().atStartOfDay(SHANGHAI).toInstant()));
        on.setPrecision(TemporalPrecisionEnum.DAY);
        item.setOccurrence(on);
        item.setPerformingOrganization(new Reference("Organization/" + c.toInstitutionId()));
        item.setRequestingOrganization(new Reference("Organization/" + c.fromInstitutionId()));
        item.setQuantity(new Quantity(1));
        item.setPriceOverride(new Money().setValue(k.amount()).setCurrency(k.currency()));
        item.setEnteredDate(Date.from(k.recordedAt()));
        item.addSupportingInformation(new Reference("ServiceRequest/" + c.id()));
        item.addExtension(ConsultationFhir.EXT_FEE_PAYER, new Coding(ConsultationFhir.CS_FEE_PAYER,
                ReferralFhir.code(k.payer()), null));
        retention(c, item);
        return item;
    }

    /** TM-9: the retention extension on a record of an ended consultation (none while it is open). */
    static void retention(ConsultationView c, DomainResource into) {
        var r = c.retention();
        if (r == null) {
            return;
        }
        var ext = new Extension(ConsultationFhir.EXT_RETENTION);
        ext.addExtension("class", new Coding(ConsultationFhir.CS_RETENTION_CLASS, ReferralFhir.code(r.retentionClass()), null));
        ext.addExtension("retainUntil", new DateType(r.retainUntil().toString()));
        ext.addExtension("processRetainUntil", new DateType(r.processRetainUntil().toString()));
        into.addExtension(ext);
    }
}
