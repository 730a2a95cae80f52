package org.medunion.diagnostics;

import java.util.UUID;

/** A sterilisation centre's pack type (SC-7). */
public record PackTypeView(UUID id, UUID centreId, String name, SterilisationMethod method, int shelfLifeDays) {
}
