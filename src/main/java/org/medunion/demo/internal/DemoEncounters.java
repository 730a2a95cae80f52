package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.backfill.EncounterBackfill;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of synthetic encounters (issue 17) for two regional consortia of the demo city, loaded through the
 * indicators module's backfill once the city's load has committed: visits with a winter peak and a Spring Festival dip,
 * discharges with bed-days, operations and DRG weights. The office's consortium (长宁) meets the NN-9 level-4
 * surgery share (every fifth operation, 20 %); the second consortium misses it (every twentieth, 5 %), and so does
 * Nanning's first urban medical group (every tenth, 10 %), where NN-9 applies and the policy check reads it. Small on purpose: demo start-up stays
 * quick (the time is logged).
 */
@Component
class DemoEncounters {

    private static final Logger log = LoggerFactory.getLogger(DemoEncounters.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MEMBERS_PER_CONSORTIUM = 2;

    private final EncounterBackfill backfill;
    private final CityWideRegistry city;
    private final Clock clock;

    private final TransactionTemplate transactions;

    DemoEncounters(EncounterBackfill backfill, CityWideRegistry city, Clock clock,
                   PlatformTransactionManager transactionManager) {
        this.backfill = backfill;
        this.city = city;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the city's transaction committed, in a transaction of its own: a failure here keeps the city. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @org.springframework.core.annotation.Order(1) // before DemoAssessments freezes last year's baseline from these encounters
    void on(DemoCityLoaded loaded) {
        long start = System.nanoTime();
        try {
            var consortia = new ArrayList<ConsortiumView>();
            var all = city.allConsortia();
            all.stream().filter(c -> c.id().equals(loaded.officeConsortium())).findFirst().ifPresent(consortia::add);
            loaded.consortia().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("sh.") && e.getKey().endsWith(".regional")
                            && !e.getValue().equals(loaded.officeConsortium()))
                    .sorted(Map.Entry.comparingByKey()).findFirst()
                    .flatMap(e -> all.stream().filter(c -> c.id().equals(e.getValue())).findFirst())
                    .ifPresent(consortia::add);
            // Nanning's first urban medical group, so NN-9 is judged from data: its lead hospital misses the level-4 share
            Optional.ofNullable(loaded.consortia().get("nn.group1"))
                    .flatMap(id -> all.stream().filter(c -> c.id().equals(id)).findFirst()).ifPresent(consortia::add);
            var institutions = new HashMap<InstitutionId, InstitutionView>();
            city.allInstitutions().forEach(i -> institutions.put(i.id(), i));
            var records = new ArrayList<EncounterRecord>();
            LocalDate today = LocalDate.now(clock);
            LocalDate from = today.minusYears(1).withDayOfMonth(1);
            for (int n = 0; n < consortia.size(); n++) {
                int level4Every = n == 0 ? 5 : n == 1 ? 20 : 10;
                generate(consortia.get(n), institutions, from, today, level4Every, new Random(17 + n), records);
            }
            var report = transactions.execute(status -> backfill.load(records));
            if (report == null || !report.accepted()) {
                log.warn("Demo encounters rejected: {}", report == null ? "no report" : report.rejected().subList(0,
                        Math.min(5, report.rejected().size())));
                return;
            }
            log.info("Demo encounters: {} facts for {} consortia, {} day rollups in {} ms", report.created(), consortia.size(),
                    report.days(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo encounters not loaded: {}", e.toString());
        }
    }

    private static InstitutionView institution(Map<InstitutionId, InstitutionView> institutions, MembershipView m) {
        return Objects.requireNonNull(institutions.get(m.institutionId()));
    }

    private static void generate(ConsortiumView consortium, Map<InstitutionId, InstitutionView> institutions,
                                 LocalDate from, LocalDate to, int level4Every, Random random, List<EncounterRecord> out) {
        // the lead and its first primary-care member by name: the same city on every start with the same seed, and a
        // primary share (I-1) to show; the registry lists members in no fixed order
        List<MembershipView> members = consortium.members().stream().filter(m -> m.endDate() == null)
                .filter(m -> institutions.containsKey(m.institutionId()))
                .sorted(Comparator.comparing((MembershipView m) -> m.role() != MembershipRole.LEAD)
                        .thenComparing(m -> !institution(institutions, m).isPrimary())
                        .thenComparing(m -> institution(institutions, m).name()))
                .limit(MEMBERS_PER_CONSORTIUM).toList();
        String tag = consortium.id().value().toString().substring(0, 8);
        int operations = 0;
        for (MembershipView m : members) {
            InstitutionView inst = institution(institutions, m);
            boolean hospital = !inst.isPrimary();
            int seq = 0;
            for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
                double season = 1 + 0.25 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 15) / 365.0)
                        - (day.getMonthValue() == 2 && day.getDayOfMonth() < 15 ? 0.35 : 0);
                int visits = (int) Math.round((hospital ? 6 : 4) * season + random.nextGaussian());
                for (int v = 0; v < visits; v++) {
                    var at = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(ZONE).toInstant();
                    out.add(new EncounterRecord("demo-" + tag + "-" + (seq++), m.institutionId(),
                            v % 9 == 0 ? EncounterKind.EMERGENCY : EncounterKind.OUTPATIENT, at, null, null, "J06.9",
                            null, null, List.of()));
                }
                if (!hospital) {
                    continue;
                }
                int discharges = (int) Math.round(1.5 * season + random.nextGaussian() * 0.5);
                for (int d = 0; d < discharges; d++) {
                    int stay = 2 + random.nextInt(11);
                    var discharged = day.atTime(9 + random.nextInt(6), random.nextInt(60)).atZone(ZONE).toInstant();
                    var admitted = day.minusDays(stay).atTime(10, 0).atZone(ZONE).toInstant();
                    var levels = new ArrayList<Integer>();
                    if (random.nextDouble() < 0.7) {
                        levels.add(++operations % level4Every == 0 ? 4 : 1 + random.nextInt(3));
                    }
                    BigDecimal weight = BigDecimal.valueOf(0.6 + random.nextDouble() * 1.2).setScale(2, RoundingMode.HALF_UP);
                    out.add(new EncounterRecord("demo-" + tag + "-" + (seq++), m.institutionId(), EncounterKind.INPATIENT,
                            discharged, admitted, null, "I63.9", weight, levels.isEmpty() ? "BR29" : "BB19", levels));
                }
            }
        }
    }
}
