package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.RegistryManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command line: {@code --spring.profiles.active=generate --medunion.generate=district
 * [--medunion.generate.seed=42]} generates a city into the configured database (PostgreSQL with
 * {@code MEDUNION_DB_URL}, else the embedded H2 file), one transaction per district chunk, prints counts
 * and timing, and exits (status 0, or 1 when the registry is not empty or the load fails).
 */
@Component
@Profile("generate")
@org.springframework.core.annotation.Order(20)
class GenerateCommand implements ApplicationRunner {

    private final RegistryManagement registry;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final String scale;
    private final long seed;
    private final String encounters;
    private final EncounterGenerate encounterGenerate;

    GenerateCommand(RegistryManagement registry, PlatformTransactionManager transactionManager,
                    ConfigurableApplicationContext context, Clock clock,
                    @Value("${medunion.generate:demo}") String scale, @Value("${medunion.generate.seed:42}") long seed,
                    @Value("${medunion.generate.encounters:none}") String encounters, EncounterGenerate encounterGenerate) {
        this.encounters = encounters;
        this.encounterGenerate = encounterGenerate;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
        this.context = context;
        this.clock = clock;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = generate();
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int generate() {
        long existing = registry.countInstitutions(InstitutionSearch.all());
        if (!"none".equals(encounters) && existing > 0) {
            return generateEncounters();
        }
        DemoCityGenerator.Scale parsed;
        try {
            parsed = DemoCityGenerator.Scale.parse(scale);
        } catch (IllegalArgumentException e) {
            System.err.println("medunion.generate: " + e.getMessage());
            return 2;
        }
        if (existing > 0) {
            System.err.printf("The registry already holds %d institutions; generate into an empty database.%n", existing);
            return 1;
        }
        System.out.printf("Generating the %s city (seed %d) …%n", parsed.name().toLowerCase(), seed);
        long start = System.nanoTime();
        var writer = new ProgressWriter(new RegistryWriter(registry, transactions), start);
        DemoCityGenerator.Summary summary;
        try {
            summary = DemoCityGenerator.generate(seed, parsed, registry.districts(), LocalDate.now(clock), writer);
            writer.flush();
        } catch (RuntimeException e) {
            System.err.println("Generation stopped: " + e);
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var w = writer.writer;
        System.out.printf("Generated %s city: %d institutions, %d practitioners, %d consortia, %d objects in %.1f s (%.0f objects/s)%n",
                parsed.name().toLowerCase(), w.institutions, w.practitioners, w.consortia, w.written, seconds, w.written / seconds);
        System.out.println("Registry time by kind: " + w.profileLine());
        if (summary.institutions() != w.institutions) {
            System.err.println("Mismatch: generated " + summary.institutions() + " institutions, wrote " + w.institutions);
            return 1;
        }
        return "none".equals(encounters) ? 0 : generateEncounters();
    }

    /** {@code --medunion.generate.encounters=demo|district|city}: a year of encounters for the registry's institutions. */
    private int generateEncounters() {
        SyntheticEncounters.Scale parsed;
        try {
            parsed = SyntheticEncounters.Scale.parse(encounters);
        } catch (IllegalArgumentException e) {
            System.err.println("medunion.generate.encounters: " + e.getMessage());
            return 2;
        }
        System.out.printf("Generating a year of encounters at %s scale (seed %d) through the backfill …%n",
                parsed.name().toLowerCase(), seed);
        long start = System.nanoTime();
        try {
            long[] loaded = encounterGenerate.load(seed, parsed);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Loaded %d encounters in %d chunks in %.1f s (%.0f records/s)%n", loaded[0], loaded[1], seconds,
                    loaded[0] / seconds);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Encounter generation stopped: " + e);
            return 1;
        }
    }

    /** Passes everything on and prints a progress line every ten chunks. */
    private static final class ProgressWriter extends ForwardingSink {

        final RegistryWriter writer;
        private final long start;
        private int chunks;

        ProgressWriter(RegistryWriter writer, long start) {
            super(writer);
            this.writer = writer;
            this.start = start;
        }

        @Override
        public void flush() {
            writer.flush();
            if (++chunks % 10 == 0) {
                System.out.printf("  … %d institutions, %d practitioners, %d consortia after %.1f s%n", writer.institutions,
                        writer.practitioners, writer.consortia, (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
