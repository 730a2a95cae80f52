package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.demo.internal.SyntheticEncounters.Site;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.backfill.EncounterBackfill;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --medunion.generate.encounters=district|city}: the year before today of {@link SyntheticEncounters} for every
 * institution of the registry, streamed through the indicators module's backfill in chunks of {@value #CHUNK} records,
 * one transaction each (validated and rolled up as any ingest). Memory holds one chunk. Every seventh consortium
 * (ordered by id) misses the NN-9 targets.
 */
@Component
class EncounterGenerate {

    static final int CHUNK = 5_000;

    private final EncounterBackfill backfill;
    private final CityWideRegistry city;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EncounterGenerate(EncounterBackfill backfill, CityWideRegistry city, PlatformTransactionManager transactionManager, Clock clock) {
        this.backfill = backfill;
        this.city = city;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private record Membership(UUID consortium, boolean lead, boolean missesTargets) {
    }

    /** The registry's institutions as sites: a consortium each (the first active one), its lead marked. */
    List<Site> sites() {
        var consortia = new ArrayList<>(city.allConsortia());
        consortia.sort(Comparator.comparing((ConsortiumView c) -> c.id().value()));
        Map<UUID, Membership> byInstitution = new HashMap<>();
        var institutions = new ArrayList<>(city.allInstitutions());
        institutions.sort(Comparator.comparing((InstitutionView i) -> i.id().value()));
        for (int n = 0; n < consortia.size(); n++) {
            ConsortiumView c = consortia.get(n);
            for (MembershipView m : c.members()) {
                if (c.active() && m.endDate() == null) {
                    byInstitution.putIfAbsent(m.institutionId().value(),
                            new Membership(c.id().value(), m.role() == MembershipRole.LEAD, n % 7 == 3));
                }
            }
        }
        var out = new ArrayList<Site>();
        for (InstitutionView i : institutions) {
            Membership m = byInstitution.get(i.id().value());
            out.add(m == null ? new Site(i.id().value(), i.category(), i.districtCode(), null, false, false)
                    : new Site(i.id().value(), i.category(), i.districtCode(), m.consortium(), m.lead(), m.missesTargets()));
        }
        return out;
    }

    /** Generates and loads; returns what was loaded (records accepted, chunks). */
    long[] load(long seed, SyntheticEncounters.Scale scale) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(365);
        var sink = new Chunks();
        SyntheticEncounters.generate(seed, scale.visitsPerYear, sites(), from, 365, sink);
        sink.flush();
        return new long[] {sink.loaded, sink.chunks};
    }

    /** Collects records and loads them a chunk at a time; a rejected chunk stops the run. */
    private final class Chunks implements SyntheticEncounters.Sink {

        private final List<EncounterRecord> chunk = new ArrayList<>(CHUNK);
        long loaded;
        long chunks;

        @Override
        public void encounter(EncounterRecord r) {
            chunk.add(r);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            var report = transactions.execute(status -> backfill.load(chunk));
            if (report == null || !report.accepted()) {
                throw new IllegalStateException("encounters rejected: " + (report == null ? "no report" : report.rejected()));
            }
            loaded += report.created() + report.corrected() + report.unchanged();
            chunks++;
            chunk.clear();
        }
    }
}
