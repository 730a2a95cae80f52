package org.medunion.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.ReferralDirection;
import org.medunion.shared.ConflictException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** referral_criterion: the consortium's referral criteria (转诊标准); retired, never deleted. */
@Repository
class CriteriaStore {

    private static final RowMapper<CriterionView> ROWS = (rs, n) -> new CriterionView(rs.getObject("id", UUID.class),
            rs.getObject("consortium_id", UUID.class), ReferralDirection.valueOf(rs.getString("direction")),
            rs.getString("department"), rs.getString("diagnosis_prefix"), rs.getString("text"), rs.getBoolean("active"),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    CriteriaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CriterionView> find(UUID id) {
        return jdbc.sql("select * from referral_criterion where id = ?").param(id).query(ROWS).optional();
    }

    List<CriterionView> list(UUID consortiumId, @Nullable ReferralDirection direction) {
        var params = new ArrayList<Object>();
        params.add(consortiumId);
        String sql = "select * from referral_criterion where consortium_id = ?";
        if (direction != null) {
            sql += " and direction = ?";
            params.add(direction.name());
        }
        return jdbc.sql(sql + " order by direction, department, diagnosis_prefix, text").params(params).query(ROWS).list();
    }

    CriterionView insert(DefineCriterion c, @Nullable String prefix, String by, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into referral_criterion (id, consortium_id, direction, department, diagnosis_prefix, text, active,
                                                version, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, true, 0, ?, ?)""")
                .params(Arrays.asList(id, c.consortiumId(), ReferralInput.required(c.direction(), "direction").name(),
                        blank(c.department()), prefix,
                        ReferralInput.required(c.text(), "text").trim(), by,
                        ReferralStore.ts(now)))
                .update();
        return find(id).orElseThrow();
    }

    CriterionView update(UUID id, long expectedVersion, DefineCriterion c, @Nullable String prefix) {
        int n = jdbc.sql("""
                update referral_criterion set direction = ?, department = ?, diagnosis_prefix = ?, text = ?,
                       version = version + 1 where id = ? and version = ?""")
                .params(Arrays.asList(ReferralInput.required(c.direction(), "direction").name(), blank(c.department()), prefix,
                        ReferralInput.required(c.text(), "text").trim(), id, expectedVersion))
                .update();
        if (n != 1) {
            throw new ConflictException("common.staleVersion", "version");
        }
        return find(id).orElseThrow();
    }

    void retire(UUID id) {
        jdbc.sql("update referral_criterion set active = false, version = version + 1 where id = ?").param(id).update();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
