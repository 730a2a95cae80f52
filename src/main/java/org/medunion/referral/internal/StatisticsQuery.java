package org.medunion.referral.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralStatistics;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.RejectionReason;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates without personal data: I-2 (completed up / down and the down ÷ up ratio), I-3 (closed-loop rate:
 * referrals with a returned summary ÷ referrals received), I-13 (time from submission to acceptance, median and
 * 90th percentile; rejections by reason). A zero denominator gives null ("no data").
 */
final class StatisticsQuery {

    private final JdbcClient jdbc;

    StatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReferralStatistics compute(@Nullable UUID consortium) {
        return consortium == null ? compute("1=1", List.of()) : compute("r.consortium_id = ?", List.of(consortium));
    }

    /** Statistics over the referrals {@code r} matching a predicate (positional parameters). */
    ReferralStatistics compute(String filter, List<Object> p) {
        var byStatus = new EnumMap<ReferralStatus, Long>(ReferralStatus.class);
        jdbc.sql("select r.status, count(*) n from referral_referral r where " + filter + " group by r.status").params(p)
                .query((rs, n) -> byStatus.put(ReferralStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        var completed = new EnumMap<ReferralDirection, Long>(ReferralDirection.class);
        jdbc.sql("select r.direction, count(*) from referral_referral r where r.status = 'COMPLETED' and " + filter
                + " group by r.direction").params(p)
                .query((rs, n) -> completed.put(ReferralDirection.valueOf(rs.getString(1)), rs.getLong(2))).list();
        long up = completed.getOrDefault(ReferralDirection.UP, 0L);
        long down = completed.getOrDefault(ReferralDirection.DOWN, 0L);
        long received = jdbc.sql("select count(*) from referral_referral r where r.submitted_at is not null and " + filter)
                .params(p).query(Long.class).single();
        long closed = jdbc.sql("select count(*) from referral_referral r join referral_feedback f on f.referral_id = r.id where "
                + filter).params(p).query(Long.class).single();
        var minutes = new ArrayList<Double>();
        jdbc.sql("""
                select r.submitted_at, t.at from referral_referral r join referral_transition t on t.referral_id = r.id
                where t.action = 'ACCEPT' and r.submitted_at is not null and\s""" + filter).params(p)
                .query((rs, n) -> minutes.add((rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 60000.0)).list();
        minutes.sort(Double::compare);
        var rejections = new EnumMap<RejectionReason, Long>(RejectionReason.class);
        jdbc.sql("select r.rejection_reason, count(*) from referral_referral r where r.status = 'REJECTED' and "
                + "r.rejection_reason is not null and " + filter + " group by r.rejection_reason").params(p)
                .query((rs, n) -> rejections.put(RejectionReason.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return new ReferralStatistics(byStatus, completed, up == 0 ? null : (double) down / up,
                received == 0 ? null : (double) closed / received, percentile(minutes, 0.5), percentile(minutes, 0.9),
                rejections);
    }

    /** Nearest-rank percentile; null for no data. */
    static @Nullable Double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
