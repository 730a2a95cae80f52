package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentKind;
import org.medunion.indicators.AssessmentRating;
import org.medunion.indicators.AssessmentStatus;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.AssessmentView.Actor;
import org.medunion.indicators.AssessmentView.DimensionRating;
import org.medunion.indicators.AssessmentView.Evidence;
import org.medunion.indicators.AssessmentView.Side;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.Level;
import org.medunion.indicators.Snapshot;
import org.medunion.policy.PolicyReadings.CriterionReading;
import org.medunion.policy.PolicyReadings.PackVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assessment tables (indicators_assessment*); a frozen assessment's rows are written once and never updated. */
@Repository
class AssessmentStore {

    static final String SELF = "SELF";
    static final String EXTERNAL = "EXTERNAL";
    /** Between manual evidence texts in one column: a record separator no text contains (the text guard refuses controls). */
    private static final String MANUAL_SEPARATOR = "\u001e";

    private final JdbcClient jdbc;
    private final AssessmentEvidenceStore evidence;

    AssessmentStore(JdbcClient jdbc, AssessmentEvidenceStore evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    /** A new, OPEN assessment. */
    void insert(AssessmentView a) {
        jdbc.sql("insert into indicators_assessment (id, consortium_id, consortium_name, district_code, kind, period_year, status, "
                + "dimensions, created_by, created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id().value(), a.consortiumId(), a.consortiumName(), a.districtCode(), a.kind().name(), a.year(),
                        a.status().name(), String.join(",", a.dimensions().stream().map(Dimension::id).toList()),
                        a.created().username(), a.created().name(), Timestamp.from(a.created().at()))
                .update();
    }

    boolean exists(UUID consortiumId, AssessmentKind kind, int year) {
        return jdbc.sql("select count(*) from indicators_assessment where consortium_id = ? and kind = ? and period_year = ?")
                .params(consortiumId, kind.name(), year).query(Long.class).single() > 0;
    }

    /** Every assessment (of one consortium, when given), newest year first; without ratings and snapshots. */
    List<AssessmentView> list(@Nullable UUID consortiumId) {
        String where = consortiumId == null ? "" : " where consortium_id = ?";
        var spec = jdbc.sql("select * from indicators_assessment" + where + " order by period_year desc, consortium_name, kind");
        if (consortiumId != null) {
            spec = spec.param(consortiumId);
        }
        return spec.query((rs, n) -> view(rs, Map.of(), null, List.of())).list();
    }

    /** One assessment with both sides' ratings, and its snapshot when frozen. */
    Optional<AssessmentView> find(UUID id) {
        Map<String, List<DimensionRating>> ratings = ratings(id);
        List<Evidence> files = evidence.list(id);
        return jdbc.sql("select * from indicators_assessment where id = ?").param(id)
                .query((rs, n) -> view(rs, ratings, AssessmentStatus.valueOf(rs.getString("status")) == AssessmentStatus.FROZEN
                        ? snapshot(rs) : null, files))
                .optional();
    }

    /** Moves the status when it still is {@code from}; false when someone else moved it first. */
    boolean move(UUID id, AssessmentStatus from, AssessmentStatus to) {
        return jdbc.sql("update indicators_assessment set status = ? where id = ? and status = ?").params(to.name(), id, from.name())
                .update() == 1;
    }

    void recordSelf(UUID id, Actor by, List<DimensionRating> ratings) {
        jdbc.sql("update indicators_assessment set self_by = ?, self_by_name = ?, self_at = ? where id = ?")
                .params(by.username(), by.name(), Timestamp.from(by.at()), id).update();
        replaceRatings(id, SELF, ratings);
    }

    void recordReturn(UUID id, String reason) {
        jdbc.sql("update indicators_assessment set return_reason = ? where id = ?").params(reason, id).update();
    }

    void recordExternal(UUID id, Actor by, List<DimensionRating> ratings, AssessmentRating overall, String conclusion) {
        jdbc.sql("update indicators_assessment set external_by = ?, external_by_name = ?, external_at = ?, overall_rating = ?, "
                + "conclusion = ? where id = ?")
                .params(row(by.username(), by.name(), Timestamp.from(by.at()), overall.name(), conclusion, id)).update();
        replaceRatings(id, EXTERNAL, ratings);
    }

    private void replaceRatings(UUID id, String side, List<DimensionRating> ratings) {
        jdbc.sql("delete from indicators_assessment_rating where assessment_id = ? and side = ?").params(id, side).update();
        for (DimensionRating r : ratings) {
            jdbc.sql("insert into indicators_assessment_rating (assessment_id, side, dimension, rating, score, comment_text, evidence, "
                    + "evidence_ref) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row(id, side, r.dimension().id(), r.rating().name(), r.score(), r.comment(), r.evidence(), r.reference()))
                    .update();
        }
    }

    /** Writes the snapshot rows and the freeze; the caller has moved the status to FROZEN in the same transaction. */
    void recordFreeze(UUID id, Actor by, Snapshot s) {
        jdbc.sql("update indicators_assessment set frozen_by = ?, frozen_by_name = ?, frozen_at = ? where id = ?")
                .params(by.username(), by.name(), Timestamp.from(by.at()), id).update();
        int ordinal = 0;
        for (IndicatorValue v : s.values()) {
            var t = v.target();
            insertValue(id, v.indicator(), "", ordinal++, v.numerator(), v.denominator(), v.value(), v.sourceRecords(), v.computedAt(), t);
            for (IndicatorValue.Part p : v.parts()) {
                insertValue(id, v.indicator(), p.key(), ordinal++, p.numerator(), p.denominator(), p.value(), 0, null, null);
            }
        }
        ordinal = 0;
        for (PackVersion p : s.packs()) {
            jdbc.sql("insert into indicators_assessment_pack (assessment_id, pack, ordinal, version, parameters, changed_at) "
                    + "values (?, ?, ?, ?, ?, ?)")
                    .params(row(id, p.pack(), ordinal++, p.version(), cut(p.parameters(), 4000),
                            p.changedAt() == null ? null : Timestamp.from(p.changedAt())))
                    .update();
        }
        ordinal = 0;
        for (CriterionReading c : s.checklist()) {
            jdbc.sql("insert into indicators_assessment_criterion (assessment_id, criterion, ordinal, area, title, status, evidence, "
                    + "manual, tight_group) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row(id, c.criterion(), ordinal++, cut(c.area(), 100), cut(c.title(), 200), c.status(), cut(c.evidence(), 4000),
                            cut(String.join(MANUAL_SEPARATOR, c.manualEvidence()), 4000), c.tightGroup()))
                    .update();
        }
    }

    private void insertValue(UUID id, String indicator, String part, int ordinal, BigDecimal numerator, BigDecimal denominator,
                             @Nullable BigDecimal value, long sources, @Nullable Instant computedAt, IndicatorValue.@Nullable Target t) {
        jdbc.sql("insert into indicators_assessment_value (assessment_id, indicator, part, ordinal, numerator, denominator, "
                + "indicator_value, source_records, computed_at, target_rule, target_parameter, comparison, target_value, "
                + "target_applies, target_clause, target_met) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(id, indicator, part, ordinal, numerator, denominator, value, sources,
                        computedAt == null ? null : Timestamp.from(computedAt), t == null ? null : t.ruleId(),
                        t == null ? null : t.parameter(), t == null ? null : t.comparison(), t == null ? null : t.value(),
                        t == null ? null : t.applies(), t == null ? null : cut(t.clause(), 4000), t == null ? null : t.met()))
                .update();
    }

    // ---- reading

    private Map<String, List<DimensionRating>> ratings(UUID id) {
        Map<String, List<DimensionRating>> out = new LinkedHashMap<>();
        jdbc.sql("select * from indicators_assessment_rating where assessment_id = ? order by side, dimension").param(id)
                .query((rs, n) -> {
                    var r = new DimensionRating(Dimension.byId(rs.getString("dimension")).orElseThrow(),
                            AssessmentRating.valueOf(rs.getString("rating")), (Integer) rs.getObject("score", Integer.class),
                            rs.getString("comment_text"), rs.getString("evidence"), rs.getString("evidence_ref"));
                    out.computeIfAbsent(rs.getString("side"), k -> new ArrayList<>()).add(r);
                    return r;
                }).list();
        return out;
    }

    private static AssessmentView view(ResultSet rs, Map<String, List<DimensionRating>> ratings, @Nullable Snapshot snapshot,
                                       List<Evidence> files)
            throws SQLException {
        List<Dimension> dimensions = Arrays.stream(rs.getString("dimensions").split(",")).map(d -> Dimension.byId(d).orElseThrow())
                .toList();
        Actor self = actor(rs, "self_by", "self_by_name", "self_at");
        Actor external = actor(rs, "external_by", "external_by_name", "external_at");
        String overall = rs.getString("overall_rating");
        return new AssessmentView(new AssessmentId(rs.getObject("id", UUID.class)), rs.getObject("consortium_id", UUID.class),
                rs.getString("consortium_name"), rs.getString("district_code"), AssessmentKind.valueOf(rs.getString("kind")),
                rs.getInt("period_year"), AssessmentStatus.valueOf(rs.getString("status")), dimensions,
                new Actor(rs.getString("created_by"), rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant()),
                self == null ? null : new Side(ratings.getOrDefault(SELF, List.of()), null, null, self),
                rs.getString("return_reason"),
                external == null ? null : new Side(ratings.getOrDefault(EXTERNAL, List.of()),
                        overall == null ? null : AssessmentRating.valueOf(overall), rs.getString("conclusion"), external),
                snapshot, files);
    }

    private static @Nullable Actor actor(ResultSet rs, String by, String name, String at) throws SQLException {
        Timestamp t = rs.getTimestamp(at);
        String who = rs.getString(by);
        return t == null || who == null ? null : new Actor(who, String.valueOf(rs.getString(name)), t.toInstant());
    }

    private Snapshot snapshot(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int year = rs.getInt("period_year");
        String subject = rs.getObject("consortium_id", UUID.class).toString();
        String name = rs.getString("consortium_name");
        var packs = jdbc.sql("select * from indicators_assessment_pack where assessment_id = ? order by ordinal").param(id)
                .query((r, n) -> new PackVersion(r.getString("pack"), r.getString("version"), r.getString("parameters"),
                        r.getTimestamp("changed_at") == null ? null : r.getTimestamp("changed_at").toInstant()))
                .list();
        var checklist = jdbc.sql("select * from indicators_assessment_criterion where assessment_id = ? order by ordinal").param(id)
                .query((r, n) -> new CriterionReading(r.getString("criterion"), r.getString("area"), r.getString("title"),
                        r.getString("status"), r.getString("evidence"), manual(r.getString("manual")), r.getBoolean("tight_group")))
                .list();
        var values = frozenValues(id, subject, name, year);
        Timestamp at = rs.getTimestamp("frozen_at");
        return new Snapshot(true, at == null ? Instant.EPOCH : at.toInstant(), rs.getString("frozen_by_name"), packs, values, checklist,
                releases(packs));
    }

    /**
     * The release number of each pack's version (decision 0264): its place among the distinct versions of that pack in
     * the order assessments first froze them; a version not frozen yet comes next. Frozen rows are never changed, so a
     * version keeps its number.
     */
    Map<String, Integer> releases(List<PackVersion> packs) {
        Map<String, List<String>> known = new LinkedHashMap<>();
        jdbc.sql("select p.pack, p.version, min(a.frozen_at) as first_at from indicators_assessment_pack p "
                + "join indicators_assessment a on a.id = p.assessment_id where a.frozen_at is not null "
                + "group by p.pack, p.version order by first_at, p.version")
                .query((r, n) -> known.computeIfAbsent(r.getString("pack"), k -> new ArrayList<>()).add(r.getString("version")))
                .list();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (PackVersion p : packs) {
            List<String> versions = known.getOrDefault(p.pack(), List.of());
            int at = versions.indexOf(p.version());
            out.put(p.pack(), at >= 0 ? at + 1 : versions.size() + 1);
        }
        return out;
    }

    private List<IndicatorValue> frozenValues(UUID id, String subject, String name, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        List<Object[]> rows = jdbc.sql("select * from indicators_assessment_value where assessment_id = ? order by ordinal").param(id)
                .query((r, n) -> new Object[] {r.getString("indicator"), r.getString("part"), plain(r.getBigDecimal("numerator")),
                        plain(r.getBigDecimal("denominator")), fraction(r.getBigDecimal("indicator_value")), r.getLong("source_records"),
                        r.getTimestamp("computed_at"), target(r)})
                .list();
        List<IndicatorValue> out = new ArrayList<>();
        for (Object[] row : rows) {
            if (((String) row[1]).isEmpty()) {
                Timestamp computed = (Timestamp) row[6];
                List<IndicatorValue.Part> parts = rows.stream().filter(p -> p[0].equals(row[0]) && !((String) p[1]).isEmpty())
                        .map(p -> new IndicatorValue.Part((String) p[1], (BigDecimal) p[2], (BigDecimal) p[3], (BigDecimal) p[4])).toList();
                out.add(new IndicatorValue((String) row[0], Level.CONSORTIUM, subject, name, Integer.toString(year), start,
                        start.plusYears(1), (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4], (Long) row[5],
                        computed == null ? null : computed.toInstant(), (IndicatorValue.Target) row[7], parts));
            }
        }
        return out;
    }

    private static IndicatorValue.@Nullable Target target(ResultSet r) throws SQLException {
        String rule = r.getString("target_rule");
        if (rule == null) {
            return null;
        }
        Object met = r.getObject("target_met");
        return new IndicatorValue.Target(rule, String.valueOf(r.getString("target_parameter")), String.valueOf(r.getString("comparison")),
                plain(r.getBigDecimal("target_value")), r.getBoolean("target_applies"), String.valueOf(r.getString("target_clause")),
                met == null ? null : (Boolean) met);
    }

    /**
     * A count or sum as the indicators module gives it — without the zeros the column's scale added ({@code 12.0000} is
     * {@code 12}), so that a frozen figure reads like the live one.
     */
    private static BigDecimal plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A value: four decimals, as {@link IndicatorValue} computes it. */
    private static @Nullable BigDecimal fraction(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP);
    }

    private static List<String> manual(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(MANUAL_SEPARATOR));
    }

    /** Statement parameters of which some may be null (SQL NULL). */
    private static List<@Nullable Object> row(@Nullable Object... values) {
        return Arrays.asList(values);
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
