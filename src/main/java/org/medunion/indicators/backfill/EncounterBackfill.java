package org.medunion.indicators.backfill;

import java.util.List;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IngestReport;

/** System ingest for the demo city: same validation, rollups and all-or-nothing rule, no caller scope. */
public interface EncounterBackfill {

    /** Refused (IllegalStateException) when a user is logged in. */
    IngestReport load(List<EncounterRecord> records);
}
