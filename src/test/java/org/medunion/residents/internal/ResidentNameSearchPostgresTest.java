package org.medunion.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medunion.residents.internal.ResidentStore.Criteria;
import org.medunion.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the plan of the production SQL ({@link ResidentStore#where}) with bound parameters — the generic
 * plan a pooled prepared statement ends up with — is an index range on {@code residents_resident_name}, not a scan
 * of the table or of the whole index (docs/benchmarks.md P-1 findings, decision 0141). The old {@code like :name}
 * alone gets no index condition in the same setting, which is what this test would have caught.
 */
@PostgresTest
class ResidentNameSearchPostgresTest extends ResidentNameSearchContract {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGenericPlanOfTheNameSearchIsAnIndexRangeOnAFewThousandResidents() {
        var many = new ArrayList<String>();
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
        String given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
        for (int i = 0; i < 4000; i++) {
            many.add(surnames.charAt(i % surnames.length()) + "" + given.charAt(i / surnames.length() % given.length())
                    + given.charAt(i * 7 % given.length()));
        }
        district(many);
        jdbc.execute("analyze residents_resident");

        var params = new HashMap<String, Object>();
        String where = ResidentStore.where(new Criteria(null, "张伟"), "1=1", params);
        String sql = "select r.id, r.name from residents_resident r" + where + " order by r.name, r.id limit 20";
        String plan = explainGeneric(sql, params, false);
        System.out.println("[P-1] generic plan of the name search:\n" + plan);
        assertThat(plan).contains("residents_resident_name").containsPattern("Index Cond: .*name.* >= \\$\\d.*name.* < \\$\\d")
                .doesNotContain("Seq Scan");
        System.out.println("[P-1] EXPLAIN ANALYZE:\n" + explainGeneric(sql, params, true));

        // the old predicate alone, same data and plan mode: no index condition (a full scan of table or index)
        var oldParams = new HashMap<String, Object>(Map.of("name", "张伟%"));
        String oldPlan = explainGeneric("select r.id, r.name from residents_resident r where (1=1) and r.name like :name escape '\\'"
                + " order by r.name, r.id limit 20", oldParams, false);
        System.out.println("[P-1] generic plan of the old like search:\n" + oldPlan);
        assertThat(oldPlan).doesNotContain("Index Cond");
    }

    /** EXPLAIN of the generic plan (plan_cache_mode = force_generic_plan) of {@code sql} with named parameters. */
    String explainGeneric(String namedSql, Map<String, Object> params, boolean analyze) {
        Matcher m = Pattern.compile(":([A-Za-z]+)").matcher(namedSql);
        var order = new ArrayList<String>();
        var sb = new StringBuilder();
        while (m.find()) {
            order.add(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement("$" + order.size()));
        }
        m.appendTail(sb);
        String types = String.join(",", order.stream().map(n -> "text").toList());
        return jdbc.execute((ConnectionCallback<String>) c -> {
            try (var st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_generic_plan");
                st.execute("deallocate all");
                st.execute("prepare name_search(" + types + ") as " + sb);
                var args = String.join(",",
                        order.stream().map(n -> "'" + Objects.requireNonNull(params.get(n)).toString().replace("'", "''") + "'").toList());
                var lines = new ArrayList<String>();
                try (PreparedStatement ps = c.prepareStatement("explain " + (analyze ? "(analyze, buffers) " : "")
                        + "execute name_search(" + args + ")"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                st.execute("deallocate name_search");
                st.execute("reset plan_cache_mode");
                return String.join("\n", lines);
            }
        });
    }

}
