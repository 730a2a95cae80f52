package org.medunion.referral;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the receiving side accepts. What it must name depends on the referral (docs/decisions/0004):
 * <ul>
 * <li>upward and lateral referrals book capacity — an outpatient or exam slot, or a bed — with priority for
 *     contracted residents referred by their primary institution (优先就诊/检查/住院, SH-15, CQ-6): name the slot
 *     ({@code resourceId}) or a schedule of the receiving institution ({@code scheduleId}, optionally a
 *     {@code date}) whose first free slot is taken;</li>
 * <li>downward referrals to a bed (COMMUNITY_BED, NURSING_HOME, REHAB, HOSPICE_INSTITUTIONAL) book a bed
 *     ({@code bookingKind} BED, the default) from an INPATIENT_BED schedule of the receiving institution;</li>
 * <li>downward home-based care (FAMILY_BED 家庭病床, HOSPICE_HOME 居家安宁疗护) books nothing but names the
 *     responsible family-doctor team ({@code teamId}) or practitioner ({@code practitionerId}) of the receiving
 *     institution and the {@code plannedStart} date;</li>
 * <li>downward OUTPATIENT_FOLLOW_UP may book an outpatient slot (SLOT) or nothing.</li>
 * </ul>
 */
public record AcceptReferral(@Nullable BookingKind bookingKind, @Nullable UUID resourceId, @Nullable UUID scheduleId,
                             @Nullable LocalDate date, @Nullable String note,
                             @Nullable UUID teamId, @Nullable UUID practitionerId, @Nullable LocalDate plannedStart) {

    /** A booking acceptance (upward, bed or outpatient follow-up). */
    public AcceptReferral(@Nullable BookingKind bookingKind, @Nullable UUID resourceId, @Nullable UUID scheduleId, @Nullable LocalDate date,
                          @Nullable String note) {
        this(bookingKind, resourceId, scheduleId, date, note, null, null, null);
    }

    /** Home-based care (FAMILY_BED, HOSPICE_HOME): who is responsible and from when; nothing is booked. */
    public static AcceptReferral homeCare(@Nullable UUID teamId, @Nullable UUID practitionerId, @Nullable LocalDate plannedStart,
                                          @Nullable String note) {
        return new AcceptReferral(null, null, null, null, note, teamId, practitionerId, plannedStart);
    }

    /** Whether a slot, bed or schedule is named. */
    public boolean namesBooking() {
        return resourceId != null || scheduleId != null;
    }
}
