package org.medunion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medunion.residents.ResidentsFixture;
import org.medunion.shared.TextRules;
import org.medunion.shared.TextRules.Kind;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input hygiene, generated (issue 10): for each write endpoint with a stored text field, every class of bad
 * character and an over-long value; for each capped list, one entry too many (and the 60,000-attachment referral
 * once accepted). Each must be a 400 naming the field (and, for characters, the rule) with nothing written.
 */
public abstract class InputHygieneContract {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** One stored text field of one endpoint; {@code body} takes the field's JSON string content. */
    record TextField(String user, String path, String table, String field, Kind kind, int max, Function<String, String> body) {
    }

    /** A bad character as a JSON escape (a lone surrogate cannot travel as UTF-8), with the rule it breaks. */
    record Bad(String label, String json, String rule) {
    }

    static final List<Bad> EVERYWHERE = List.of(
            new Bad("BEL", "\\u0007", TextRules.CONTROL), new Bad("NUL", "\\u0000", TextRules.CONTROL),
            new Bad("DEL", "\\u007f", TextRules.CONTROL), new Bad("C1 NEL", "\\u0085", TextRules.CONTROL),
            new Bad("lone CR", "\\r", TextRules.CONTROL),
            new Bad("RLO U+202E", "\\u202e", TextRules.BIDI), new Bad("LRE U+202A", "\\u202a", TextRules.BIDI),
            new Bad("RLI U+2067", "\\u2067", TextRules.BIDI), new Bad("PDI U+2069", "\\u2069", TextRules.BIDI),
            new Bad("ZWSP U+200B", "\\u200b", TextRules.ZERO_WIDTH), new Bad("ZWJ U+200D", "\\u200d", TextRules.ZERO_WIDTH),
            new Bad("BOM U+FEFF", "\\ufeff", TextRules.ZERO_WIDTH),
            new Bad("lone high surrogate", "\\ud800", TextRules.SURROGATE),
            new Bad("lone low surrogate", "\\udc00", TextRules.SURROGATE));
    static final List<Bad> SINGLE_LINE = List.of(new Bad("LF", "\\n", TextRules.CONTROL), new Bad("TAB", "\\t", TextRules.CONTROL));
    static final List<Bad> NAMES = List.of(new Bad("<script>", "<script>alert(1)</script>", TextRules.MARKUP));

    List<TextField> fields() {
        String idNumber = ResidentsFixture.idNumber(LocalDate.of(1966, 6, 6), false);
        String institution = Api.as(port, "admin").get("/api/registry/institutions?limit=1").json().get(0).get("id").asString();
        Function<String, String> referral = extra -> """
                {"direction":"UP","toInstitutionId":"%s","residentId":"%s","reason":"血压控制不佳","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE",%s}""".formatted(UUID.randomUUID(), UUID.randomUUID(), extra);
        return List.of(
                new TextField("planner", "/api/registry/institutions", "registry_institution", "name", Kind.NAME, 200,
                        v -> "{\"name\":\"" + v + "\"}"),
                new TextField("planner", "/api/registry/consortia", "registry_consortium", "name", Kind.NAME, 200,
                        v -> "{\"name\":\"" + v + "\"}"),
                new TextField("planner", "/api/registry/practitioners", "registry_practitioner", "name", Kind.NAME, 100,
                        v -> "{\"name\":\"" + v + "\"}"),
                new TextField("gp", "/api/residents", "residents_resident", "name", Kind.NAME, 100,
                        v -> "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + v + "\"}"),
                new TextField("gp", "/api/referrals", "referral_referral", "reason", Kind.MULTILINE, 1000,
                        v -> referral.apply("\"clinicalSummary\":\"x\"").replace("血压控制不佳", v)),
                new TextField("gp", "/api/referrals", "referral_referral", "clinicalSummary", Kind.MULTILINE, 4000,
                        v -> referral.apply("\"clinicalSummary\":\"" + v + "\"")),
                new TextField("gp", "/api/referrals", "referral_referral", "residentName", Kind.NAME, 100,
                        v -> referral.apply("\"residentName\":\"" + v + "\"")),
                new TextField("gp", "/api/referrals", "referral_referral", "attachments[0].title", Kind.MULTILINE, 200,
                        v -> referral.apply("\"attachments\":[{\"kind\":\"RESULT\",\"title\":\"" + v + "\"}]")),
                new TextField("admin", "/api/scheduling/schedules", "scheduling_schedule", "department", Kind.LINE, 100,
                        v -> """
                                {"institutionId":"%s","department":"%s","kind":"OUTPATIENT_EXPERT","periodStart":"2030-01-01",
                                 "periodEnd":"2030-01-01","dayStart":"08:00","dayEnd":"09:00","slotMinutes":15}"""
                                .formatted(institution, v)));
    }

    @TestFactory
    Stream<DynamicTest> everyStoredTextFieldRefusesEveryBadCharacterClassAndOverLongValues() {
        var tests = new ArrayList<DynamicTest>();
        for (TextField f : fields()) {
            var bads = new ArrayList<>(EVERYWHERE);
            if (f.kind() != Kind.MULTILINE) {
                bads.addAll(SINGLE_LINE);
            }
            if (f.kind() == Kind.NAME) {
                bads.addAll(NAMES);
            }
            for (Bad bad : bads) {
                tests.add(DynamicTest.dynamicTest(f.path() + " " + f.field() + " with " + bad.label(),
                        () -> refused(f, f.body().apply("正常" + bad.json() + "文字"), bad.rule())));
            }
            tests.add(DynamicTest.dynamicTest(f.path() + " " + f.field() + " over " + f.max() + " characters",
                    () -> refused(f, f.body().apply("长".repeat(f.max() + 1)), null)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCappedListRefusesOneEntryTooMany() {
        Function<String, String> referral = extra -> """
                {"direction":"UP","toInstitutionId":"%s","residentId":"%s","reason":"r","diagnosisCode":"I10",
                 "diagnosisText":"d","urgency":"ROUTINE",%s}""".formatted(UUID.randomUUID(), UUID.randomUUID(), extra);
        record ListCase(String field, int entries, String entry) {
        }
        var cases = List.of(new ListCase("attachments", 21, "{\"kind\":\"RESULT\",\"title\":\"t\"}"),
                new ListCase("attachments", 60_000, "{\"title\":\"t\"}") /* 840 KB, accepted before */,
                new ListCase("criteriaMet", 51, "\"" + UUID.randomUUID() + "\""),
                new ListCase("followUpTasks", 51, "{\"description\":\"d\",\"dueDate\":\"2030-01-01\"}"),
                new ListCase("medications", 51, "{\"drug\":\"d\"}"));
        return cases.stream().map(c -> DynamicTest.dynamicTest("/api/referrals " + c.field() + " with " + c.entries(), () -> {
            String list = String.join(",", java.util.Collections.nCopies(c.entries(), c.entry()));
            var f = new TextField("gp", "/api/referrals", "referral_referral", c.field(), Kind.LINE, 0, null);
            refused(f, referral.apply("\"" + c.field() + "\":[" + list + "]"), TextRules.TOO_MANY);
        }));
    }

    void refused(TextField f, String body, String rule) {
        long before = rows(f.table());
        var r = Api.as(port, f.user()).post(f.path(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(f.field());
        if (rule != null) {
            assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(rule);
        }
        assertThat(rows(f.table())).as("rows written to " + f.table()).isEqualTo(before);
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
