package org.medunion.residents.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.InstitutionId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registrations that named a known ID number under another name. They are refused (409) — which rolls back the
 * caller's transaction — yet must stay on record for review, so they are written in a transaction of their own.
 */
@Component
class RegistrationReviews {

    private final RelationshipStore store;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    RegistrationReviews(RelationshipStore store, AuditTrail audit, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void flag(UUID residentId, @Nullable InstitutionId source, @Nullable String localRecordNumber, String givenName, String username,
              Instant at) {
        ownTransaction.executeWithoutResult(s -> {
            store.insertRegistrationReview(residentId, source == null ? null : source.value(), localRecordNumber,
                    givenName, username, at);
            audit.record(AuditAction.CREATE, "registration-review", residentId.toString(), residentId.toString(),
                    "ID number registered under another name" + (source == null ? "" : " from " + source)
                            + ": flagged for review, nothing linked");
        });
    }
}
