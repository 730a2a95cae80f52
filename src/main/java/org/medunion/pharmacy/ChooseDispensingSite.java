package org.medunion.pharmacy;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** RX-15: the patient's choice of dispensing member (or central distribution), confirmed by the patient; audited. */
public record ChooseDispensingSite(@Nullable UUID institutionId, @Nullable Boolean centralDistribution,
                                   @Nullable Boolean confirmedByPatient) {
}
