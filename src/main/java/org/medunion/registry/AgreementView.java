package org.medunion.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cooperation or trusteeship agreement or a charter, with the sections the seeds ask for
 * (SH-6: responsibilities, rights, benefits, benefit compensation; NN-7: benefit sharing; SH-7: the dispatched
 * managers' duties; SH-17: quantified targets).
 *
 * @param managerDuties the duties of the managers the agreement dispatches ("管理人员职责应在托管协议中予以明确"), or null
 * @param targets       the agreement's quantified targets, in the order recorded (empty when none)
 */
public record AgreementView(UUID id, ConsortiumId consortiumId, AgreementType type, String title,
                            List<InstitutionId> parties, LocalDate termStart, @Nullable LocalDate termEnd, @Nullable LocalDate signedOn,
                            String responsibilities, String rights, String benefits, String benefitSharing,
                            @Nullable String managerDuties, List<AgreementTarget> targets) {

    public AgreementView {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** An agreement without manager duties and targets (recorded before they were asked for). */
    public AgreementView(UUID id, ConsortiumId consortiumId, AgreementType type, String title, List<InstitutionId> parties,
                         LocalDate termStart, LocalDate termEnd, LocalDate signedOn, String responsibilities, String rights,
                         String benefits, String benefitSharing) {
        this(id, consortiumId, type, title, parties, termStart, termEnd, signedOn, responsibilities, rights, benefits,
                benefitSharing, null, List.of());
    }

    public boolean signed() {
        return signedOn != null;
    }
}
