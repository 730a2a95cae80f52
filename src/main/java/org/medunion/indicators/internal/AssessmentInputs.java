package org.medunion.indicators.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.AssessmentKind;
import org.medunion.indicators.AssessmentRating;
import org.medunion.indicators.AssessmentView.DimensionRating;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.DimensionEntry;
import org.medunion.indicators.IndicatorsError;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import org.medunion.shared.TextRules.Kind;

/** Checks of what the office and the commission send: each failure a 400 naming the field (with its index) and the rule. */
final class AssessmentInputs {

    static final int COMMENT = 2000;
    static final int EVIDENCE = 4000;
    static final int REFERENCE = 500;
    static final int CONCLUSION = 4000;
    static final int REASON = 2000;
    /** The earliest year an assessment may judge: the consortium reform's national start (2017 guidance). */
    static final int FIRST_YEAR = 2017;

    private AssessmentInputs() {
    }

    static AssessmentKind kind(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind", "field.required");
        }
        try {
            return AssessmentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", IndicatorsError.INVALID_KIND, kind);
        }
    }

    /** A year from {@link #FIRST_YEAR} to the current one: the values of a later year do not exist yet. */
    static int year(@Nullable Integer year, Year current) {
        if (year == null) {
            throw new InvalidInputException("year", "field.required");
        }
        if (year < FIRST_YEAR || year > current.getValue()) {
            throw new InvalidInputException("year", IndicatorsError.INVALID_YEAR, year.toString(), Integer.toString(FIRST_YEAR),
                    Integer.toString(current.getValue()));
        }
        return year;
    }

    static AssessmentRating rating(@Nullable String rating, String field) {
        if (rating == null || rating.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        try {
            return AssessmentRating.valueOf(rating.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, IndicatorsError.INVALID_RATING, rating);
        }
    }

    /**
     * One rating for every dimension assessed, none twice, none other; {@code self}: with the office's evidence and
     * reference, else those are dropped (the evidence is the lead unit's).
     */
    static List<DimensionRating> ratings(@Nullable List<DimensionEntry> entries, List<Dimension> assessed, boolean self) {
        List<DimensionEntry> list = entries == null ? List.of() : TextRules.listSize(entries, "dimensions", Dimension.values().length);
        List<DimensionRating> out = new ArrayList<>();
        EnumSet<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (int i = 0; i < list.size(); i++) {
            DimensionEntry e = list.get(i);
            String at = "dimensions[" + i + "].";
            if (e == null || e.dimension() == null || e.dimension().isBlank()) {
                throw new InvalidInputException(at + "dimension", "field.required");
            }
            Dimension d = Dimension.byId(e.dimension()).filter(assessed::contains)
                    .orElseThrow(() -> new InvalidInputException(at + "dimension", IndicatorsError.UNKNOWN_DIMENSION, e.dimension(),
                            String.join(", ", assessed.stream().map(Dimension::id).toList())));
            if (!seen.add(d)) {
                throw new InvalidInputException(at + "dimension", IndicatorsError.DIMENSION_TWICE, d.id());
            }
            Integer score = e.score();
            if (score != null && (score < 0 || score > 100)) {
                throw new InvalidInputException(at + "score", IndicatorsError.INVALID_SCORE, score);
            }
            out.add(new DimensionRating(d, rating(e.rating(), at + "rating"), score,
                    TextRules.optional(e.comment(), at + "comment", Kind.MULTILINE, COMMENT),
                    self ? TextRules.optional(e.evidence(), at + "evidence", Kind.MULTILINE, EVIDENCE) : null,
                    self ? TextRules.optional(e.reference(), at + "reference", Kind.LINE, REFERENCE) : null));
        }
        for (Dimension d : assessed) {
            if (!seen.contains(d)) {
                throw new InvalidInputException("dimensions", IndicatorsError.DIMENSION_MISSING, d.id());
            }
        }
        return out.stream().sorted((a, b) -> a.dimension().compareTo(b.dimension())).toList();
    }
}
