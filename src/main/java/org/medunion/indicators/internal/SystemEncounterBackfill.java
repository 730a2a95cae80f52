package org.medunion.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.backfill.EncounterBackfill;
import org.springframework.stereotype.Component;

/** {@link EncounterBackfill} over the ingest, as a city-wide system integrator. */
@Component
class SystemEncounterBackfill implements EncounterBackfill {

    private static final CurrentUser SYSTEM = new CurrentUser("system", "system", Role.INTEGRATOR, Scope.global());

    private final EncounterIngest ingest;
    private final CurrentUsers users;

    SystemEncounterBackfill(EncounterIngest ingest, CurrentUsers users) {
        this.ingest = ingest;
        this.users = users;
    }

    @Override
    public IngestReport load(List<EncounterRecord> records) {
        if (users.current().isPresent()) {
            throw new IllegalStateException("encounter backfill is for the system only");
        }
        var rows = new ArrayList<Integer>(records.size());
        for (int i = 1; i <= records.size(); i++) {
            rows.add(i);
        }
        return ingest.ingest(SYSTEM, records, rows, List.of());
    }
}
