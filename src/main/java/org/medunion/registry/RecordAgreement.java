package org.medunion.registry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command: record a signed (or draft, signedOn null) agreement or charter of a consortium.
 *
 * @param managerDuties the dispatched managers' duties (SH-7; a trusteeship agreement states them), optional
 * @param targets       quantified targets (SH-17), optional, at most {@code 20}
 */
public record RecordAgreement(@Nullable AgreementType type, @Nullable String title, List<InstitutionId> parties,
                              @Nullable LocalDate termStart,
                              @Nullable LocalDate termEnd, @Nullable LocalDate signedOn, @Nullable String responsibilities,
                              @Nullable String rights,
                              @Nullable String benefits, @Nullable String benefitSharing, @Nullable String managerDuties,
                              List<AgreementTarget> targets,
                              @Nullable String overrideReason) {

    /** An agreement without manager duties and quantified targets. */
    public RecordAgreement(AgreementType type, String title, List<InstitutionId> parties, LocalDate termStart,
                           @Nullable LocalDate termEnd, LocalDate signedOn, String responsibilities, String rights,
                           String benefits, @Nullable String benefitSharing, @Nullable String overrideReason) {
        this(type, title, parties, termStart, termEnd, signedOn, responsibilities, rights, benefits, benefitSharing, null,
                List.of(), overrideReason);
    }
}
