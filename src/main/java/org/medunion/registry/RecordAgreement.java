package org.medunion.registry;

import java.time.LocalDate;
import java.util.List;

/** Command: record a signed (or draft, signedOn null) agreement or charter of a consortium. */
public record RecordAgreement(AgreementType type, String title, List<InstitutionId> parties, LocalDate termStart,
                              LocalDate termEnd, LocalDate signedOn, String responsibilities, String rights,
                              String benefits, String benefitSharing, String overrideReason) {
}
