package org.medunion.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.H2Test;
import org.medunion.web.ConsoleSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Decision 0239: the demo's year of diagnostics activity, written with its own timestamps, fills the indicator dashboard's
 * default month (the last complete one) for 长宁 and both Nanning groups, with numerators and denominators that match the
 * rows; every order state and every reason 01–08 occurs in that month, and the results span the year.
 */
@H2Test
class DemoDiagnosticsYearH2Test {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CHANGNING = DemoAccounts.OFFICE_CONSORTIUM;
    static final List<String> GROUPS = List.of(CHANGNING, "南宁市第十一人民医院紧密型城市医疗集团", "南宁市第十二人民医院紧密型城市医疗集团");
    static final List<String> RATES = List.of("I-10", "I-20", "I-21", "I-23", "I-24");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final YearMonth defaultMonth = YearMonth.now(SHANGHAI).minusMonths(1);

    @Test
    void theDefaultMonthHasEveryDiagnosticsIndicatorWithNumeratorAndDenominatorForEachDemoGroup() {
        for (String group : GROUPS) {
            Map<String, JsonNode> values = values(consortium(group), defaultMonth);
            for (String id : List.of("I-10", "I-20", "I-21", "I-23", "I-24", "I-25")) {
                JsonNode found = values.get(id);
                assertThat(found).as(group + " " + id).isNotNull();
                JsonNode v = Objects.requireNonNull(found, "asserted above");
                assertThat(v.get("denominator").asDouble()).as(group + " " + id + " denominator").isPositive();
                assertThat(v.get("numerator").asDouble()).as(group + " " + id + " numerator").isPositive();
                if (RATES.contains(id)) {
                    assertThat(v.get("value").asDouble()).as(group + " " + id).isBetween(0.0, 1.0);
                }
            }
            // I-25: the avoided cost per recognition is a list price of the catalogue (8 to 240 yuan)
            assertThat(Objects.requireNonNull(values.get("I-25"), "I-25").get("value").asDouble()).as(group + " I-25").isBetween(8.0,
                    240.0);
            assertThat(Objects.requireNonNull(values.get("I-10"), "I-10").get("parts").get(0).get("numerator").asLong())
                    .as(group + " participation").isPositive();
        }
    }

    /** 长宁's I-20, I-10 and I-24 counted by hand from the rows, and at least what a busy month of the plan holds. */
    @Test
    void changningsFiguresAreTheRowsOfTheMonth() {
        Map<String, JsonNode> values = values(consortium(CHANGNING), defaultMonth);
        UUID lead = institution(DemoAccounts.LEAD_INSTITUTION);
        Timestamp from = start(defaultMonth);
        Timestamp to = start(defaultMonth.plusMonths(1));
        long[] reported = jdbc.sql("""
                select count(*), sum(case when o.finished_at <= o.due_at then 1 else 0 end) from diagnostics_order o
                  join diagnostics_centre c on c.id = o.centre_id
                 where c.institution_id = ? and o.status = 'REPORTED' and o.finished_at >= ? and o.finished_at < ?""")
                .params(lead, from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        // the plan's busy month: 4 on time, 2 late, 1 critical acknowledged, 1 critical nobody acknowledged (both in time)
        assertThat(reported[0]).isGreaterThanOrEqualTo(8);
        assertThat(reported[1]).isGreaterThanOrEqualTo(6).isLessThan(reported[0]);
        assertThat(Objects.requireNonNull(values.get("I-20"), "I-20").get("denominator").asLong()).isEqualTo(reported[0]);
        assertThat(Objects.requireNonNull(values.get("I-20"), "I-20").get("numerator").asLong()).isEqualTo(reported[1]);

        List<UUID> members = jdbc.sql("""
                select m.institution_id from registry_membership m join registry_consortium c on c.id = m.consortium_id
                 where c.name = ?""").param(CHANGNING).query(UUID.class).list();
        Map<String, Long> decisions = new HashMap<>();
        jdbc.sql("select outcome, reason_code, ordering_institution_id from diagnostics_decision where decided_at >= ? and decided_at < ?")
                .params(from, to).query(rs -> {
                    if (members.contains(rs.getObject(3, UUID.class))) {
                        String reason = rs.getString(2);
                        decisions.merge(reason == null ? rs.getString(1) : reason, 1L, Long::sum);
                    }
                });
        long recognised = decisions.getOrDefault("RECOGNISED", 0L);
        long counted = List.of("01", "02", "03", "04", "05", "06", "07", "08").stream().mapToLong(r -> decisions.getOrDefault(r, 0L)).sum();
        assertThat(recognised).as("the plan's 6 recognitions").isGreaterThanOrEqualTo(6);
        assertThat(counted).as("the plan's 8 re-examinations 01–08").isGreaterThanOrEqualTo(8);
        assertThat(Objects.requireNonNull(values.get("I-10"), "I-10").get("numerator").asLong()).isEqualTo(recognised);
        assertThat(Objects.requireNonNull(values.get("I-10"), "I-10").get("denominator").asLong()).isEqualTo(recognised + counted);
        assertThat(Objects.requireNonNull(values.get("I-24"), "I-24").get("numerator").asLong()).isEqualTo(counted);
        assertThat(Objects.requireNonNull(values.get("I-24"), "I-24").get("denominator").asLong())
                .isEqualTo(counted + decisions.getOrDefault("98", 0L) + decisions.getOrDefault("99", 0L));
    }

    @Test
    void everyOrderStateOccursInTheDefaultMonthAndTheOneBefore() {
        for (YearMonth month : List.of(defaultMonth, defaultMonth.minusMonths(1))) {
            Set<String> states = new HashSet<>(jdbc.sql("select status from diagnostics_order where ordered_at >= ? and ordered_at < ?")
                    .params(start(month), start(month.plusMonths(1))).query(String.class).list());
            assertThat(states).as(month.toString())
                    .containsExactlyInAnyOrder("ORDERED", "RECEIVED", "IN_PROGRESS", "REPORTED", "CANCELLED", "REJECTED");
            assertThat(count("""
                    select count(*) from diagnostics_order where ordered_at >= ? and ordered_at < ? and escalated
                       and status in ('ORDERED', 'RECEIVED', 'IN_PROGRESS')""", month)).as(month + " open, overdue, escalated")
                    .isGreaterThanOrEqualTo(3);
            assertThat(count("""
                    select count(*) from diagnostics_order where ordered_at >= ? and ordered_at < ? and status = 'REPORTED'
                       and escalated and finished_at > due_at""", month)).as(month + " reported late").isPositive();
            assertThat(count("""
                    select count(*) from diagnostics_order where ordered_at >= ? and ordered_at < ? and critical_due_at is not null
                       and critical_acknowledged_at is not null""", month))
                    .as(month + " a critical result acknowledged").isPositive();
        }
        assertThat(count("""
                select count(*) from diagnostics_order where ordered_at >= ? and ordered_at < ? and critical_due_at is not null
                   and critical_acknowledged_at is null and critical_escalated""", defaultMonth))
                .as("a critical result nobody acknowledged, escalated").isPositive();
    }

    @Test
    void everyReasonOccursInTheDefaultMonthAndEachExplanationIsDatedWithItsDecision() {
        Set<String> reasons = new HashSet<>(jdbc.sql("""
                select reason_code from diagnostics_decision where outcome = 'REEXAMINED' and decided_at >= ? and decided_at < ?""")
                .params(start(defaultMonth), start(defaultMonth.plusMonths(1))).query(String.class).list());
        assertThat(reasons).contains("01", "02", "03", "04", "05", "06", "07", "08");
        assertThat(count("select count(*) from diagnostics_decision where reason_code in ('07', '08') and reason_text is null"))
                .isZero();
        assertThat(count("""
                select count(*) from diagnostics_explanation e join diagnostics_decision d on d.id = e.decision_id
                 where e.prepared_at <> d.decided_at""")).as("explanations prepared when decided").isZero();
        assertThat(count("""
                select count(*) from diagnostics_explanation e join diagnostics_decision d on d.id = e.decision_id
                 where e.given_at is not null and d.decided_at >= ? and d.decided_at < ?""", defaultMonth))
                .as("the month's explanations given").isPositive();
    }

    @Test
    void resultsAndDecisionsSpanTheYear() {
        LocalDate today = LocalDate.now(SHANGHAI);
        Set<YearMonth> results = new HashSet<>();
        jdbc.sql("select result_date from diagnostics_report where result_date > ?").param(today.minusYears(1))
                .query(rs -> {
                    results.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        assertThat(results).as("months with results").hasSizeGreaterThanOrEqualTo(11);
        Set<YearMonth> decided = new HashSet<>();
        jdbc.sql("select decided_at from diagnostics_decision").query(rs -> {
            decided.add(YearMonth.from(rs.getTimestamp(1).toInstant().atZone(SHANGHAI)));
        });
        assertThat(decided).as("months with decisions").hasSizeGreaterThanOrEqualTo(11);
        // the Nanning groups' residents: recorded by their community centre, district hospital and lead
        assertThat(count("select count(distinct resident_id) from diagnostics_report r join registry_institution i "
                + "on i.id = r.performer_institution_id where i.district_code like '4501%'")).isGreaterThanOrEqualTo(15);
    }

    /** The office's board opens on this month: orders, reports and decisions of the month, not the empty-month hints. */
    @Test
    void theOfficesCentreBoardShowsThisMonthAndTheLastOne() {
        var office = ConsoleSession.login(port, "office");
        for (String month : new String[] {"", "?month=" + defaultMonth}) {
            var page = office.get("/console/diagnostics/centres" + month);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"board-centres\"").contains("class=\"centre-line\"").contains("id=\"board-rate\"")
                    .doesNotContain("本月成员单位没有互认或复查决定");
        }
    }

    private Map<String, JsonNode> values(UUID consortium, YearMonth month) {
        var r = Api.as(port, "admin").get("/api/indicators/values?level=CONSORTIUM&subject=" + consortium + "&period=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.json().valueStream().forEach(v -> out.put(v.get("indicator").asString(), v));
        return out;
    }

    private UUID consortium(String name) {
        return jdbc.sql("select id from registry_consortium where name = ?").param(name).query(UUID.class).single();
    }

    private UUID institution(String name) {
        return jdbc.sql("select id from registry_institution where name = ?").param(name).query(UUID.class).single();
    }

    private long count(String sql, YearMonth month) {
        return jdbc.sql(sql).params(start(month), start(month.plusMonths(1))).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Timestamp start(YearMonth month) {
        Instant at = month.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        return Timestamp.from(at);
    }
}
