package org.medunion.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medunion.residents.ResidentsFixture;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one Idempotency-Key mechanism (decision 0091) over generated cases, on H2 and PostgreSQL: for every POST of
 * the REST API and every FHIR create a bad key is 400 naming the header; for the creating endpoints a replay gives
 * the same status and body and writes nothing, the same key with another body is 422; concurrent duplicates make
 * one change and all get its answer.
 */
abstract class IdempotencyContract extends RunningCity {

    static final String HEADER = "Idempotency-Key";
    static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:~!#$%&'*+/=?^`|";
    static final List<String> FHIR_CREATES = List.of("Appointment", "ServiceRequest", "Patient", "Organization",
            "OrganizationAffiliation", "Practitioner", "Subscription");
    static final Random RANDOM = new Random(Long.getLong("idempotency.seed", 20261202L));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ResidentsFixture.Site site;

    @BeforeEach
    void site() {
        site = ResidentsFixture.site(registry, accounts);
    }

    /** A POST that creates something: its path and a fresh valid body, and how to count what it wrote. */
    record Creation(String name, String path, String contentType, Function<IdempotencyContract, String> body,
                    String countSql) {
    }

    static final List<Creation> CREATIONS = List.of(
            new Creation("register a resident", "/api/residents", "application/json",
                    t -> "{\"idNumber\":\"" + ResidentsFixture.idNumber(ResidentsFixture.birth(), true)
                            + "\",\"name\":\"" + org.medunion.support.RegistrySeeds.unique("幂等") + "\"}",
                    "select count(*) from residents_resident"),
            new Creation("form a team", "/api/residents/teams", "application/json",
                    t -> """
                            {"institutionId":"%s","name":"%s","gpPractitionerId":"%s","nursePractitionerId":"%s",
                             "specialistPractitionerIds":["%s"]}""".formatted(t.site.primary(),
                            org.medunion.support.RegistrySeeds.unique("团队"),
                            t.site.gp(), t.site.nurse(), t.site.specialist()),
                    "select count(*) from residents_team"),
            new Creation("FHIR Patient create", "/fhir/Patient", "application/fhir+json",
                    IdempotencyContract::fhirPatient,
                    "select count(*) from residents_resident"));

    /** A new woman's Patient with a random birth date, so her ID number cannot repeat another test's. */
    static String fhirPatient(IdempotencyContract t) {
        LocalDate birth = ResidentsFixture.birth();
        return """
                {"resourceType":"Patient",
                 "identifier":[{"system":"urn:oid:2.16.156.10011.1.3","value":"%s"}],
                 "name":[{"text":"%s"}],"gender":"female","birthDate":"%s",
                 "managingOrganization":{"reference":"Organization/%s"}}"""
                .formatted(ResidentsFixture.idNumber(birth, false), org.medunion.support.RegistrySeeds.unique("幂等"),
                        birth, t.site.primary());
    }

    Api gp() {
        return Api.as(port, site.gpUser());
    }

    Api.Response post(Api api, String path, String contentType, String body, String key) {
        return api.send("POST", path, body, Map.of("Content-Type", contentType, "Accept", contentType, HEADER, key));
    }

    static String key() {
        var sb = new StringBuilder();
        int length = 1 + RANDOM.nextInt(100);
        for (int i = 0; i < length; i++) {
            sb.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
        }
        return sb.toString();
    }

    static String badKey() {
        return switch (RANDOM.nextInt(3)) {
            case 0 -> "has space-" + RANDOM.nextInt(1000);
            case 1 -> "k".repeat(101 + RANDOM.nextInt(50));
            default -> "\"quoted\" " + RANDOM.nextInt(1000);
        };
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @TestFactory
    Stream<DynamicTest> aReplayGivesTheSameAnswerAndWritesNothing() {
        return CREATIONS.stream().flatMap(c -> Stream.of(1, 2).map(i -> DynamicTest.dynamicTest(c.name() + " #" + i, () -> {
            String key = key();
            String body = c.body().apply(this);
            var first = post(gp(), c.path(), c.contentType(), body, key);
            assertThat(first.status()).as(first.body()).isBetween(200, 299);
            long written = count(c.countSql());
            var second = post(gp(), c.path(), c.contentType(), body, key);
            assertThat(second.status()).isEqualTo(first.status());
            assertThat(second.bytes()).isEqualTo(first.bytes());
            assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
            assertThat(second.header("Location")).isEqualTo(first.header("Location"));
            assertThat(second.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
            assertThat(count(c.countSql())).isEqualTo(written);
            // the same key from another user is another key
            var other = post(Api.as(port, "admin"), c.path(), c.contentType(), c.body().apply(this), key);
            assertThat(other.header(IdempotencyFilter.REPLAYED)).isNull();
        })));
    }

    @TestFactory
    Stream<DynamicTest> theSameKeyWithAnotherRequestIsRefused() {
        return CREATIONS.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String key = key();
            var first = post(gp(), c.path(), c.contentType(), c.body().apply(this), key);
            assertThat(first.status()).as(first.body()).isBetween(200, 299);
            long written = count(c.countSql());
            var misuse = post(gp(), c.path(), c.contentType(), c.body().apply(this), key);
            assertThat(misuse.status()).isEqualTo(422);
            assertRefusal(misuse, c.path(), "SHARED-0002");
            assertThat(count(c.countSql())).isEqualTo(written);
        }));
    }

    /** Every POST of the REST API (path variables filled at random) and every FHIR create refuses a bad key. */
    @TestFactory
    Stream<DynamicTest> aBadKeyIsRefusedByEveryPost() {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/") && !p.startsWith("/api/auth/") && !p.startsWith("/api/accounts"))
                .map(p -> p.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()))
                .forEach(paths::add);
        FHIR_CREATES.forEach(type -> paths.add("/fhir/" + type));
        assertThat(paths).hasSizeGreaterThan(30);
        return paths.stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            String type = path.startsWith("/fhir/") ? "application/fhir+json" : "application/json";
            var r = post(Api.as(port, "admin"), path, type, "{}", badKey());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertRefusal(r, path, "SHARED-0001");
        }));
    }

    void assertRefusal(Api.Response r, String path, String code) {
        if (path.startsWith("/fhir/")) {
            var issue = r.json().get("issue").get(0);
            assertThat(issue.get("details").get("coding").get(0).get("code").asString()).isEqualTo(code);
            assertThat(issue.get("expression").get(0).asString()).isEqualTo(HEADER);
        } else {
            assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
            assertThat(r.json().get("field").asString()).isEqualTo(HEADER);
        }
    }

    @Test
    void concurrentDuplicatesMakeOneChangeAndGetItsAnswer() throws Exception {
        var c = CREATIONS.get(0);
        String key = key();
        String body = c.body().apply(this);
        long before = count(c.countSql());
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> tasks = new ArrayList<>();
            var api = gp();
            for (int i = 0; i < 6; i++) {
                tasks.add(() -> post(api, c.path(), c.contentType(), body, key));
            }
            Set<String> answers = new HashSet<>();
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
                answers.add(f.get().body());
            }
            assertThat(answers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(c.countSql())).isEqualTo(before + 1);
    }
}
