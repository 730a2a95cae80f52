package org.medunion.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Extension point for the rules whose data the consultation module holds: TM-13 (telemedicine fees), TM-6 (physicians present at live sessions), TM-15 (routing of
 * nursing homes' requests) and CN-3's patrol visits of nursing homes. The consultation module implements it (it depends on policy, so policy cannot read it
 * directly); without an implementation TM-13 reports NO_DATA. Consultation numbers and counts only — no resident data.
 */
public interface ConsultationEvidenceSource {

    /** Everything up to and including {@code day}, in one read per evaluation (one evaluation covers the whole city). */
    ConsultationEvidence evidence(LocalDate day);

    /**
     * TM-6, TM-13, TM-15 and CN-3 each ask for the same day's evidence; wrapping the source once per evaluation (one
     * snapshot) reads the consultation tables once, not once per rule. {@code null} stays {@code null} (no module).
     */
    static @Nullable ConsultationEvidenceSource readOnce(@Nullable ConsultationEvidenceSource source) {
        if (source == null) {
            return null;
        }
        Map<LocalDate, ConsultationEvidence> read = new ConcurrentHashMap<>();
        return day -> read.computeIfAbsent(day, source::evidence);
    }

    /**
     * @param feesByAgreement per registry agreement: the consultations closed on or before the day under that agreement
     *                        while its fee for their type was above zero (TM-13's subjects), and which of them lack their
     *                        price item
     * @param patrolsByHome   held nursing-home patrol sessions ({@code NURSING_HOME_PATROL}) on or before the day, by the
     *                        nursing home visited (CN-3)
     */
    record ConsultationEvidence(Map<UUID, Fees> feesByAgreement, Map<UUID, Long> patrolsByHome,
                                Map<UUID, Requests> requestsByInviter, Map<UUID, List<LiveSession>> liveSessionsByInviter) {

        /** Without routing data (TM-15 then reports NO_DATA) and sessions (TM-6). */
        public ConsultationEvidence(Map<UUID, Fees> feesByAgreement, Map<UUID, Long> patrolsByHome) {
            this(feesByAgreement, patrolsByHome, Map.of(), Map.of());
        }

        /** Without live sessions (TM-6 then reports NO_DATA). */
        public ConsultationEvidence(Map<UUID, Fees> feesByAgreement, Map<UUID, Long> patrolsByHome,
                                    Map<UUID, Requests> requestsByInviter) {
            this(feesByAgreement, patrolsByHome, requestsByInviter, Map.of());
        }
    }

    /** TM-6: a live session held on or before the day, with the inviting side's physicians recorded as present. */
    record LiveSession(String consultationNumber, int invitingPhysicians) {
    }

    /**
     * TM-15: the consultations an inviting institution requested on or before the day, and the numbers of those that went
     * past the backing hospital of its emergency zone (recorded with the request, consultation_routing_warning).
     */
    record Requests(long requested, List<String> pastZoneHospital) {
    }

    /**
     * @param due       closed consultations the agreement's fee applied to
     * @param uncharged the numbers of those closed without their price item
     */
    record Fees(long due, List<String> uncharged) {
    }
}
