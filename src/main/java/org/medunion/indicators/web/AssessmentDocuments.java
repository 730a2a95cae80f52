package org.medunion.indicators.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.AssessmentManagement.Report;
import org.medunion.indicators.AssessmentRating;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.AssessmentView.DimensionRating;
import org.medunion.indicators.AssessmentView.Side;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.PackLabels;
import org.medunion.indicators.Snapshot;
import org.medunion.policy.PolicyReadings.CriterionReading;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An assessment as the rows of its report, in Chinese whatever the reader's language (the report is the consortium's
 * official record, and the frozen checklist texts are Chinese): the facts, the dimension ratings, every indicator value
 * with numerator, denominator and source records by dimension, the NAT checklist and the rule packs. The workbook and
 * the PDF print the same rows.
 */
@Component
class AssessmentDocuments {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final MessageSource messages;

    AssessmentDocuments(MessageSource messages) {
        this.messages = messages;
    }

    /** One table of the report: a sheet of the workbook, a section of the PDF. */
    record Table(String name, List<String> header, List<List<String>> rows, float[] widths) {
    }

    /** @param facts label and value pairs */
    record Doc(String title, String fileName, List<List<String>> facts, List<Table> tables, String overview) {
    }

    Doc of(Report report) {
        AssessmentView a = report.assessment();
        Snapshot s = report.snapshot();
        String kind = t("assessment.kind." + a.kind());
        String title = t("assessment.doc.title", a.consortiumName(), a.period(), kind);
        String fileName = (a.consortiumName() + "-" + a.year() + "-" + kind).replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        List<Table> tables = List.of(dimensions(a), values(a, s), checklist(s), packs(s));
        return new Doc(title, fileName, facts(a, s), tables, t("assessment.doc.overview"));
    }

    private List<List<String>> facts(AssessmentView a, Snapshot s) {
        List<List<String>> f = new ArrayList<>();
        f.add(List.of(t("assessment.col.consortium"), a.consortiumName()));
        f.add(List.of(t("assessment.col.kind"), t("assessment.kind." + a.kind())));
        f.add(List.of(t("assessment.col.year"), t("assessment.doc.period", a.period())));
        f.add(List.of(t("assessment.col.dimensions"), String.join("、", a.dimensions().stream().map(this::dimension).toList())));
        f.add(List.of(t("assessment.col.status"), t("assessment.status." + a.status())));
        f.add(List.of(t("assessment.col.figures"), s.frozen() ? t("assessment.doc.frozen", time(s.takenAt()), String.valueOf(s.takenBy()))
                : t("assessment.doc.preview", time(s.takenAt()))));
        f.add(List.of(t("assessment.col.packs"), PackLabels.line(messages, LOCALE, s)));
        f.add(List.of(t("assessment.col.created"), a.created().name() + " " + time(a.created().at())));
        if (a.self() != null) {
            f.add(List.of(t("assessment.col.selfBy"), a.self().by().name() + " " + time(a.self().by().at())));
        }
        if (a.returnReason() != null) {
            f.add(List.of(t("assessment.col.returnReason"), a.returnReason()));
        }
        Side ext = a.external();
        if (ext != null) {
            f.add(List.of(t("assessment.col.externalBy"), ext.by().name() + " " + time(ext.by().at())));
            f.add(List.of(t("assessment.col.overall"), rating(ext.overall())));
            f.add(List.of(t("assessment.col.conclusion"), String.valueOf(ext.conclusion())));
        }
        if (!s.checklist().isEmpty() && !s.checklist().get(0).tightGroup()) {
            f.add(List.of(t("assessment.col.checklist"), t("assessment.doc.notTight")));
        }
        return f;
    }

    private Table dimensions(AssessmentView a) {
        List<List<String>> rows = new ArrayList<>();
        for (Dimension d : a.dimensions()) {
            DimensionRating self = a.self() == null ? null : a.self().of(d);
            DimensionRating ext = a.external() == null ? null : a.external().of(d);
            rows.add(List.of(dimension(d), self == null ? "" : rating(self.rating()), score(self),
                    text(self == null ? null : self.comment()),
                    evidence(self), files(a, d), ext == null ? "" : rating(ext.rating()), score(ext),
                    text(ext == null ? null : ext.comment())));
        }
        return new Table(t("assessment.sheet.dimensions"), List.of(t("assessment.col.dimension"), t("assessment.col.selfRating"),
                t("assessment.col.score"), t("assessment.col.selfComment"), t("assessment.col.evidence"),
                t("assessment.col.evidenceFiles"), t("assessment.col.externalRating"),
                t("assessment.col.score"), t("assessment.col.externalComment")), rows, new float[] {10, 6, 4, 17, 16, 14, 7, 4, 17});
    }

    private Table values(AssessmentView a, Snapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (Dimension d : a.dimensions()) {
            s.values(d).forEach(v -> addValue(rows, dimension(d), v));
            s.criteria(d).forEach(c -> rows.add(List.of(dimension(d), c.criterion(), c.title(), t("assessment.nat." + c.status()), "", "",
                    "", "", "")));
        }
        s.outside(a.dimensions()).forEach(v -> addValue(rows, t("assessment.doc.outside"), v));
        return new Table(t("assessment.sheet.values"), List.of(t("assessment.col.dimension"), t("assessment.col.indicator"),
                t("assessment.col.name"), t("assessment.col.value"), t("assessment.col.numerator"), t("assessment.col.denominator"),
                t("assessment.col.sources"), t("assessment.col.target"), t("assessment.col.met")), rows,
                new float[] {12, 6, 26, 10, 10, 10, 8, 10, 8});
    }

    private void addValue(List<List<String>> rows, String dimension, IndicatorValue v) {
        var target = v.target();
        rows.add(List.of(dimension, v.indicator(), t("indicators.name." + v.indicator()), value(v.value()), number(v.numerator()),
                number(v.denominator()), Long.toString(v.sourceRecords()),
                target == null ? "" : t("indicators.cmp." + target.comparison()) + " " + number(target.value())
                        + (target.applies() ? "" : " " + t("assessment.doc.informative")),
                target == null || target.met() == null ? "" : t(target.met() ? "indicators.met" : "indicators.missed")));
        for (IndicatorValue.Part p : v.parts()) {
            rows.add(List.of(dimension, v.indicator(), "└ " + t("indicators.part." + v.indicator() + "." + p.key()), value(p.value()),
                    number(p.numerator()), number(p.denominator()), "", "", ""));
        }
    }

    private Table checklist(Snapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (CriterionReading c : s.checklist()) {
            rows.add(List.of(c.criterion(), c.area(), c.title(), t("assessment.nat." + c.status()), c.evidence(),
                    String.join("；", c.manualEvidence())));
        }
        return new Table(t("assessment.sheet.checklist"), List.of(t("assessment.col.criterion"), t("assessment.col.area"),
                t("assessment.col.name"), t("assessment.col.status"), t("assessment.col.platformEvidence"),
                t("assessment.col.manualEvidence")), rows, new float[] {7, 9, 16, 9, 38, 21});
    }

    private Table packs(Snapshot s) {
        List<List<String>> rows = new ArrayList<>();
        s.packs().forEach(p -> rows.add(List.of(p.pack(), PackLabels.label(messages, LOCALE, p, s.release(p.pack())) + "\n" + p.version(),
                p.parameters(),
                p.changedAt() == null ? t("assessment.doc.seedDefaults") : time(p.changedAt()))));
        return new Table(t("assessment.sheet.packs"), List.of(t("assessment.col.pack"), t("assessment.col.version"),
                t("assessment.col.parameters"), t("assessment.col.changedAt")), rows, new float[] {8, 22, 52, 18});
    }

    private String dimension(Dimension d) {
        return d.id() + " " + t("assessment.dimension." + d.id());
    }

    private String rating(@Nullable AssessmentRating r) {
        return r == null ? "" : t("assessment.rating." + r);
    }

    private static String score(@Nullable DimensionRating r) {
        return r == null || r.score() == null ? "" : r.score().toString();
    }

    private static String evidence(@Nullable DimensionRating r) {
        if (r == null) {
            return "";
        }
        String e = text(r.evidence());
        return r.reference() == null ? e : (e.isEmpty() ? "" : e + "\n") + "【" + r.reference() + "】";
    }

    /** The dimension's evidence files by name, one a line (the bytes stay in the database, downloadable from the page). */
    private static String files(AssessmentView a, Dimension d) {
        return String.join("\n", a.evidence(d).stream().map(AssessmentView.Evidence::fileName).toList());
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    static String number(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** A value, or "no data" when its denominator was zero. */
    private String value(@Nullable BigDecimal v) {
        return v == null ? t("indicators.noData") : number(v);
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }

    private String t(String key, Object... args) {
        String s = messages.getMessage(key, args, key, LOCALE);
        return s == null ? key : s;
    }
}
