package org.medunion.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A cooperation or trusteeship agreement or a charter, with the sections the seeds ask for
 * (SH-6: responsibilities, rights, benefits, benefit compensation; NN-7: benefit sharing).
 */
public record AgreementView(UUID id, ConsortiumId consortiumId, AgreementType type, String title,
                            List<InstitutionId> parties, LocalDate termStart, LocalDate termEnd, LocalDate signedOn,
                            String responsibilities, String rights, String benefits, String benefitSharing) {

    public boolean signed() {
        return signedOn != null;
    }
}
