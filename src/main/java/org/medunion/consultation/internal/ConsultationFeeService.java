package org.medunion.consultation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationFee;
import org.medunion.consultation.ConsultationFees;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.FeePayer;
import org.medunion.consultation.SetConsultationFee;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.AgreementView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ConsultationFees}: the consortium office keeps the fee terms of its own consortium's agreements (the registry
 * agreement is read through the registry's facade and never changed); any other role is 403, an agreement of another
 * consortium (or none) is 404.
 */
@Service
@Transactional
class ConsultationFeeService implements ConsultationFees {

    static final String OBJECT = "ConsultationFee";
    static final BigDecimal MAX = new BigDecimal("100000");

    private final ConsultationLedger ledger;
    private final ConsultationDirectory directory;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    ConsultationFeeService(ConsultationLedger ledger, ConsultationDirectory directory, CurrentUsers users, AuditTrail audit,
                           Clock clock) {
        this.ledger = ledger;
        this.directory = directory;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConsultationFee> fees(@Nullable UUID agreementId) {
        return ledger.fees(agreement(users.require(), agreementId).id());
    }

    @Override
    public ConsultationFee setFee(SetConsultationFee command) {
        return set(users.require(), command, clock.instant());
    }

    /** By {@code user} at {@code at}: the API's caller and clock, or the office the system backfill acts as. */
    ConsultationFee set(CurrentUser user, SetConsultationFee command, Instant at) {
        SetConsultationFee c = ConsultationInput.required(command, "body");
        AgreementView a = agreement(user, c.agreementId());
        ConsultationType type = ConsultationInput.required(c.type(), "type");
        FeePayer payer = ConsultationInput.required(c.payer(), "payer");
        BigDecimal amount = ConsultationInput.required(c.amount(), "amount");
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", ConsultationError.BAD_FEE, amount, MAX);
        }
        var fee = new ConsultationFee(a.id(), type, amount.setScale(2), payer, user.username(), at);
        ledger.putFee(fee);
        audit.record(AuditAction.UPDATE, OBJECT, a.id().toString(), null, type.name() + " " + fee.amount() + " "
                + payer.name());
        return fee;
    }

    /** The office's own consortium's agreement; 403 for any other role, 404 for an agreement it does not hold. */
    private AgreementView agreement(CurrentUser user, @Nullable UUID agreementId) {
        UUID consortium = ConsultationAccess.officeOf(user);
        if (consortium == null) {
            throw new ForbiddenException(ConsultationError.FEES_OFFICE_ONLY);
        }
        UUID id = ConsultationInput.required(agreementId, "agreementId");
        return directory.agreementsOf(consortium).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Agreement", id));
    }
}
