package org.medunion.diagnostics;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The office's centre dashboard for one consortium and month (issue 15): each shared centre's work and turnaround
 * against its targets (SC-2) with its QC passes (SC-8), the members' use of the centres, and the members' recognition
 * decisions with their reasons and the cost avoided (NAT-R-5, I-25). Counts only.
 *
 * @param onTimeTarget SC-2's share of reports due within turnaround in the consortium's jurisdiction
 */
public record CentreBoard(UUID consortiumId, String consortiumName, YearMonth month, double onTimeTarget, List<CentreLine> centres,
                          List<MemberUse> members, DiagnosticsMeasures.Decisions recognition) {

    public CentreBoard {
        centres = List.copyOf(centres);
        members = List.copyOf(members);
    }

    /** Recognitions ÷ (recognitions + re-examinations for 01–08); null when there were none. */
    public @Nullable Double recognitionRate() {
        long counted = recognition.recognised() + recognition.nonRecognised();
        return counted == 0 ? null : (double) recognition.recognised() / counted;
    }

    /**
     * @param ordered      orders placed in the month (not cancelled)
     * @param reported     orders reported in the month
     * @param onTime       of those, by their due time
     * @param medianHours  median hours from order to report of those; null when none
     * @param open         orders not yet reported, now
     * @param overdue      of those, past their due time now
     * @param qcValid      items with a QC pass of the running institution valid today
     * @param qcLapsed     items whose newest QC record failed or has expired
     */
    public record CentreLine(CentreView centre, long ordered, long reported, long onTime, @Nullable Double medianHours, long open,
                             long overdue, long qcValid, long qcLapsed) {

        public @Nullable Double onTimeShare() {
            return reported == 0 ? null : (double) onTime / reported;
        }

        /** Reported, and fewer of them in time than the target. */
        public boolean belowTarget(double target) {
            return reported > 0 && onTime < target * reported;
        }
    }

    /** A member institution's orders to the consortium's centres in the month. */
    public record MemberUse(UUID institutionId, String name, boolean primary, long orders) {
    }
}
