package org.medunion.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationFee;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.RetentionClass;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.AgreementView;
import org.springframework.stereotype.Component;

/**
 * What a consultation files when it ends, in the step's transaction: on closing, the price item its agreement's fee
 * asks for (TM-13); on every end (closed, declined, cancelled, expired), its retention class and dates from rule pack
 * TM (TM-9), also on its attachments (decision 0254). Both are written once: a second call finds them and writes nothing.
 */
@Component
class ConsultationFiling {

    static final String CURRENCY = "CNY";

    private final ConsultationLedger ledger;
    private final ConsultationAttachmentStore attachments;
    private final ConsultationGates gates;
    private final ConsultationDirectory directory;
    private final PolicyThresholds thresholds;
    private final Clock clock;

    ConsultationFiling(ConsultationLedger ledger, ConsultationGates gates, ConsultationDirectory directory,
                       PolicyThresholds thresholds, Clock clock, ConsultationAttachmentStore attachments) {
        this.ledger = ledger;
        this.attachments = attachments;
        this.gates = gates;
        this.directory = directory;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * TM-13: the fee of the agreement the consultation was asked under (the telemedicine-capable agreement between the
     * two institutions in force on the request day, as TM-1 found it) for its type; a fee of zero or none records
     * nothing.
     */
    Optional<ConsultationView.Charge> charge(Consultation c, Instant now) {
        LocalDate asked = LocalDate.ofInstant(c.createdAt(), clock.getZone());
        Optional<AgreementView> agreement = gates.agreementOn(c.fromInstitutionId(), c.toInstitutionId(), asked);
        Optional<ConsultationFee> fee = agreement.flatMap(a -> ledger.fee(a.id(), c.type()))
                .filter(f -> f.amount().signum() > 0);
        if (fee.isEmpty()) {
            return Optional.empty();
        }
        var f = fee.get();
        var charge = new ConsultationView.Charge(f.agreementId(), f.amount(), CURRENCY, f.payer(),
                LocalDate.ofInstant(now, clock.getZone()), now);
        ledger.addCharge(c.id(), c.type(), charge);
        return ledger.charge(c.id());
    }

    /** TM-9: the class and dates counted from the day the consultation ended, with the pack's years for its division. */
    void retain(Consultation c, Instant now) {
        ledger.retain(c.id(), retention(c.type(), LocalDate.ofInstant(now, clock.getZone()),
                directory.districtOf(c.fromInstitutionId())), now);
        attachments.stamp(c.id());
    }

    ConsultationView.Retention retention(ConsultationType type, LocalDate ended, @Nullable String division) {
        RetentionClass k = retentionClass(type);
        int years = years(k == RetentionClass.INPATIENT ? "inpatientYears" : "outpatientYears", division);
        return new ConsultationView.Retention(k, ended.plusYears(years), ended.plusYears(years("processYears", division)));
    }

    /** Remote ward rounds (远程查房) see inpatients; every other form is an outpatient consultation (decision 0243). */
    static RetentionClass retentionClass(ConsultationType type) {
        return type == ConsultationType.REMOTE_ROUNDS ? RetentionClass.INPATIENT : RetentionClass.OUTPATIENT;
    }

    /** The pack's number even where no jurisdiction applies pack TM: B7's periods are national law (decision 0243). */
    private int years(String parameter, @Nullable String division) {
        return Integer.parseInt(thresholds.threshold("TM-9", parameter, division).value().strip());
    }
}
