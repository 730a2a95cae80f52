package org.medunion.registry;

import java.util.UUID;

/** Event: a consortium was formed, adjusted or dissolved; a change report was written. */
public record ConsortiumChanged(ConsortiumId consortiumId, ChangeType changeType, UUID changeReportId) {
}
