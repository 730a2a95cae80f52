package org.medunion.referral;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * RX-16, I-30: the institution that received a downward referral with a medication list either renews the regimen with
 * an extended prescription (the pharmacy module) or documents here that it stops it (停药), with a coded reason — once
 * per referral. Only a family doctor or specialist of the receiving institution documents a stop; whoever may see the
 * referral sees it.
 */
public interface MedicationStops {

    /** Why the regimen sent down is not continued. */
    enum Reason {
        /** 病情控制达标，遵医嘱停药. */
        TARGET_REACHED,
        /** 出现不良反应. */
        ADVERSE_REACTION,
        /** 患者拒绝继续用药. */
        PATIENT_DECLINED,
        /** 调整为其他治疗方案. */
        REGIMEN_CHANGED,
        /** 其他（须说明）. */
        OTHER
    }

    /** @param note required with {@link Reason#OTHER}, at most 500 characters */
    record Stop(@Nullable Reason reason, @Nullable String note) {
    }

    record Recorded(ReferralId referralId, Reason reason, @Nullable String note, String stoppedBy, @Nullable Instant stoppedAt) {
    }

    /**
     * Documents the stop: 404 for a referral the caller cannot see, 403 unless the caller is a physician of the receiving
     * institution, 409 when the referral carries no received medication list or a stop is already documented, 400 naming
     * {@code reason} or {@code note}. Audited with the resident.
     */
    Recorded stop(ReferralId id, Stop command);

    /** The documented stop of a referral the caller may see (404 otherwise), if there is one. */
    Optional<Recorded> stopOf(ReferralId id);
}
