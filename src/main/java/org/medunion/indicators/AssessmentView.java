package org.medunion.indicators;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One assessment of a consortium as its readers see it.
 *
 * @param consortiumName the consortium's name when the assessment was created
 * @param year           the calendar year whose values it judges ({@link AssessmentKind})
 * @param dimensions     the dimensions assessed in the consortium's jurisdiction ({@link Dimension#applicable})
 * @param self           the office's self-assessment; null until submitted (and after a return, the returned one)
 * @param returnReason   why the planner last sent the self-assessment back; null when never
 * @param external       the commission's external assessment; null until recorded
 * @param snapshot       the frozen figures; null until frozen (a live preview is {@link AssessmentManagement#snapshot})
 * @param evidence       the office's evidence files by dimension, in upload order (decision 0264); frozen with it
 */
public record AssessmentView(AssessmentId id, UUID consortiumId, String consortiumName, String districtCode, AssessmentKind kind,
                             int year, AssessmentStatus status, List<Dimension> dimensions, Actor created,
                             @Nullable Side self, @Nullable String returnReason, @Nullable Side external,
                             @Nullable Snapshot snapshot, List<Evidence> evidence) {

    public AssessmentView {
        dimensions = List.copyOf(dimensions);
        evidence = List.copyOf(evidence);
    }

    /** The evidence files of one dimension. */
    public List<Evidence> evidence(Dimension dimension) {
        return evidence.stream().filter(e -> e.dimension() == dimension).toList();
    }

    /**
     * One evidence file of the self-assessment (its bytes through {@link AssessmentManagement#evidenceContent}).
     *
     * @param contentType the type its content showed on upload (PDF, JPEG, PNG or XLSX)
     * @param sha256      hex digest of the bytes, as stored
     */
    public record Evidence(UUID id, Dimension dimension, String fileName, String contentType, long size, String sha256, Actor by) {
    }

    /** The period of its values: the calendar year. */
    public String period() {
        return Integer.toString(year);
    }

    public boolean frozen() {
        return status == AssessmentStatus.FROZEN;
    }

    /** Who did a step and when; {@code name} is the account's display name (shown), {@code username} is audited. */
    public record Actor(String username, String name, Instant at) {
    }

    /**
     * One side's assessment.
     *
     * @param overall    the commission's overall rating; null for the self-assessment
     * @param conclusion the commission's conclusion; null for the self-assessment
     */
    public record Side(List<DimensionRating> ratings, @Nullable AssessmentRating overall, @Nullable String conclusion, Actor by) {

        public Side {
            ratings = List.copyOf(ratings);
        }

        public @Nullable DimensionRating of(Dimension dimension) {
            return ratings.stream().filter(r -> r.dimension() == dimension).findFirst().orElse(null);
        }
    }

    /**
     * @param score     0–100, optional
     * @param evidence  the office's evidence for the dimension (self-assessment only)
     * @param reference where the evidence is kept: a document number, a file name, a link (self-assessment only)
     */
    public record DimensionRating(Dimension dimension, AssessmentRating rating, @Nullable Integer score, @Nullable String comment,
                                  @Nullable String evidence, @Nullable String reference) {
    }
}
