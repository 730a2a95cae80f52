package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Counts of consultations for the indicators (indicators-assessment.md I-15, I-17, I-18, I-19), by institution and local
 * day (Asia/Shanghai). Counts and durations only: nothing personal leaves the module, so the caller's right to see the
 * subject is the indicators module's to check.
 */
public interface ConsultationMeasures {

    /**
     * The consultations the spans' institutions were invited to: completed ones by the day they closed (I-15), and those
     * requested on the spans' days with how they went on (I-17, I-18).
     */
    Invited invited(List<InstitutionDays> windows);

    /**
     * @param completedByType  closed with the inviting side's acknowledgement (TM-7), by type — I-15
     * @param requested        requested on the spans' days
     * @param accepted         of those, accepted by the invited side — I-18's denominator
     * @param completed        of the accepted, closed by now — I-18's numerator
     * @param advice           advice-only requests (咨询建议) — I-18's conversion part
     * @param adviceConverted  of those, converted into a referral (TM-16)
     * @param minutesToAccept  request → acceptance, one entry per accepted request, in minutes — I-17
     * @param minutesToOpinion request → signed opinion, one entry per signed opinion, in minutes — I-17
     * @param newest           the newest step counted, null when none
     */
    record Invited(Map<ConsultationType, Long> completedByType, long requested, long accepted, long completed, long advice,
                   long adviceConverted, List<Long> minutesToAccept, List<Long> minutesToOpinion, @Nullable Instant newest) {

        public Invited {
            completedByType = Map.copyOf(completedByType);
            minutesToAccept = List.copyOf(minutesToAccept);
            minutesToOpinion = List.copyOf(minutesToOpinion);
        }

        public long completedTotal() {
            return completedByType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Joint clinics (联合门诊) and remote rounds (远程查房) held at the spans' institutions — the inviting, primary site — on
     * their days, by the session time: a session is one time, type and pair of institutions; its patients are the
     * consultations it held (I-19). The held sessions of joint-clinic and remote-round series count too, with the
     * residents recorded as seen; a consultation group at a held series session's time, pair and type is that session
     * and counts once, with the series' patients (decision 0246).
     */
    Sessions sessions(List<InstitutionDays> windows);

    /**
     * The consultations behind I-15 ({@code closed}: closed on the spans' days at the invited institutions) or behind
     * I-17 and I-18 (requested on the spans' days of the invited institutions), newest first, at most {@code limit}.
     */
    List<CountedConsultation> records(boolean closed, List<InstitutionDays> windows, int limit);

    /** The sessions behind I-19, by the same rule as {@link #sessions}, newest first, at most {@code limit}. */
    List<CountedSession> sessionRecords(List<InstitutionDays> windows, int limit);

    /** @param sessions sessions held (started); @param patients consultations seen in them */
    record Sessions(long sessions, long patients, @Nullable Instant newest) {
    }
}
