package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.RegistryManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start in the demo profile (no institution in the registry), generates the {@code demo}
 * city and loads it through the registry's API as the system (no authenticated user: scope checks pass,
 * policy guards record findings without blocking), in one transaction; then makes sure the role
 * accounts exist and publishes {@link DemoCityLoaded}. Later starts find the data and load nothing.
 * It runs as a lifecycle bean in the phase before the web server starts, so that the first request a newcomer or
 * integrator sends (a token for a demo account) never arrives before the accounts and the city exist.
 */
@Component
@Profile("demo")
class DemoCityLoader implements SmartLifecycle {

    /** Just before {@code WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE}: loaded before Tomcat listens. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

    private static final Logger log = LoggerFactory.getLogger(DemoCityLoader.class);

    private final RegistryManagement registry;
    private final DemoAccounts accounts;
    private final DemoWorkflowSeeder workflow;
    private final DemoDiagnostics diagnostics;
    private final DemoPublicHealth publicHealth;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long seed;
    private final boolean enabled;
    private volatile @Nullable DemoCityLoaded loaded;
    private volatile boolean running;

    DemoCityLoader(RegistryManagement registry, DemoAccounts accounts, DemoWorkflowSeeder workflow, DemoDiagnostics diagnostics,
                   DemoPublicHealth publicHealth, PlatformTransactionManager transactionManager,
                   ApplicationEventPublisher events, Clock clock,
                   @Value("${medunion.demo.seed:42}") long seed,
                   @Value("${medunion.demo.load-city:true}") boolean enabled) {
        this.registry = registry;
        this.accounts = accounts;
        this.workflow = workflow;
        this.diagnostics = diagnostics;
        this.publicHealth = publicHealth;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
        this.seed = seed;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            loadIfEmpty();
            seedDiagnostics();
        }
        accounts.ensure();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Loads the demo city unless the registry already has institutions; returns whether it loaded. */
    boolean loadIfEmpty() {
        long existing = registry.countInstitutions(InstitutionSearch.all());
        if (existing > 0) {
            log.info("Demo city present ({} institutions); nothing loaded", existing);
            return false;
        }
        long start = System.nanoTime();
        var writer = new RegistryWriter(registry, transactions);
        try {
            transactions.executeWithoutResult(status -> {
                var summary = DemoCityGenerator.generate(seed, DemoCityGenerator.Scale.DEMO, registry.districts(),
                        LocalDate.now(clock), writer);
                writer.flush();
                var event = event(summary, writer);
                events.publishEvent(event);
                loaded = event;
            });
        } catch (RuntimeException e) {
            // e.g. a second instance loading the same city at the same moment: its transaction wins, ours rolls back
            loaded = null;
            log.warn("Demo city not loaded: {}", e.toString());
            return false;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.info("Demo city loaded: {} institutions, {} consortia in {} ms ({} practitioners, {} registry calls, seed {})",
                writer.institutions, writer.consortia, ms, writer.practitioners, writer.written, seed);
        log.debug("Demo city load profile: {}", writer.profileLine());
        var city = Objects.requireNonNull(loaded, "the loading transaction above committed and set it");
        try {
            // synchronously, same start, as the system; its own transaction so a failure keeps the city
            transactions.executeWithoutResult(status -> workflow.seed(city));
        } catch (RuntimeException e) {
            log.warn("Demo workflow data not seeded: {}", e.toString());
        }
        try {
            int departments = transactions.execute(status -> publicHealth.seed(city));
            log.info("Demo public-health departments recorded: {}", departments);
        } catch (RuntimeException e) {
            log.warn("Demo public-health departments not recorded: {}", e.toString());
        }
        try {
            transactions.executeWithoutResult(status -> workflow.seedReferrals());
        } catch (RuntimeException e) {
            log.warn("Demo referrals not seeded: {}", e.toString());
        }
        try {
            transactions.executeWithoutResult(status -> workflow.seedPharmacy());
        } catch (RuntimeException e) {
            log.warn("Demo pharmacy data not seeded: {}", e.toString());
        }
        try {
            transactions.executeWithoutResult(status -> workflow.seedConsultations());
        } catch (RuntimeException e) {
            log.warn("Demo consultations not seeded: {}", e.toString());
        }
        try {
            transactions.executeWithoutResult(status -> workflow.seedNursingHome());
        } catch (RuntimeException e) {
            log.warn("Demo nursing-home consultations not seeded: {}", e.toString());
        }
        return true;
    }

    /**
     * Diagnostics demo data ({@link DemoDiagnostics}) on the start that loaded the city and on a later start of a demo
     * database that has none yet (it was loaded before the diagnostics module existed); own transaction, after the rest.
     */
    void seedDiagnostics() {
        try {
            var line = transactions.execute(status -> diagnostics.seed());
            log.info("{}", line);
        } catch (RuntimeException e) {
            log.warn("Demo diagnostics not seeded: {}", e.toString());
        }
    }

    /** The event this start published, if it loaded the city. */
    Optional<DemoCityLoaded> loadedThisStart() {
        return Optional.ofNullable(loaded);
    }

    private DemoCityLoaded event(DemoCityGenerator.Summary summary, RegistryWriter writer) {
        Map<String, InstitutionId> institutions = new LinkedHashMap<>();
        summary.institutionKeys().forEach((k, v) -> institutions.put(k, new InstitutionId(writer.registryId(v))));
        Map<String, ConsortiumId> consortia = new LinkedHashMap<>();
        summary.consortiumKeys().forEach((k, v) -> consortia.put(k, new ConsortiumId(writer.registryId(v))));
        return new DemoCityLoaded(summary.seed(), ShanghaiDemo.CITY, keyed(consortia, "sh.310105.regional"),
                keyed(institutions, "sh.310105.chc1"), keyed(institutions, "sh.310105.rmc"), keyed(institutions, "sh.m11"),
                institutions, consortia, writer.institutions, writer.practitioners, writer.consortia);
    }

    /** A key the demo scale always generates (ShanghaiDemo). */
    private static <T> T keyed(Map<String, T> byKey, String key) {
        return Objects.requireNonNull(byKey.get(key), () -> "the demo city has no " + key);
    }
}
