package org.medunion.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OfferReason;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.registry.HospitalLevel;

/** Each recognition rule on both sides of its parameter, without a database. */
class RecognitionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static QcView pass(LocalDate from, LocalDate until) {
        return new QcView(UUID.randomUUID(), UUID.randomUUID(), "K", true, QcLevel.PROVINCIAL, "上海", from, until);
    }

    static Recognition.Order order(@Nullable Integer window) {
        return order(ItemKind.LAB, true, window, HospitalLevel.PRIMARY, List.of());
    }

    static Recognition.Order order(ItemKind kind, boolean onList, @Nullable Integer window, HospitalLevel level, List<QcView> qc) {
        return new Recognition.Order(kind, onList, "310000", window, TODAY, level, qc, true, true);
    }

    static Recognition.Result result(LocalDate date) {
        return result(date, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false,
                List.of(pass(TODAY.minusYears(1), TODAY.plusYears(1))));
    }

    static Recognition.Result result(LocalDate date, ReportStatus status, boolean critical, HospitalLevel performer,
                                     boolean tight, List<QcView> qc) {
        return new Recognition.Result(date, status, critical, null, performer, qc, tight);
    }

    static List<OfferReason> codes(Recognition.Verdict v) {
        return v.reasons().stream().map(Recognition.Because::code).toList();
    }

    @Test
    void NATR4_resultOnTheLastDayOfItsWindowIsOffered_oneDayLaterItIsNot() {
        var onBoundary = Recognition.judge(order(7), result(TODAY.minusDays(7)));
        assertThat(onBoundary.offered()).isTrue();
        assertThat(onBoundary.ageDays()).isEqualTo(7);
        assertThat(codes(onBoundary)).contains(OfferReason.WITHIN_WINDOW, OfferReason.QC_VALID, OfferReason.ON_LIST);
        assertThat(onBoundary.mark()).isEqualTo("上海HR");

        var past = Recognition.judge(order(7), result(TODAY.minusDays(8)));
        assertThat(past.offered()).isFalse();
        assertThat(past.reasons()).contains(new Recognition.Because(OfferReason.WINDOW_EXCEEDED, List.of("1", "7", "8")));
    }

    @Test
    void NATR4_withoutAWindowTheDoctorJudges() {
        var v = Recognition.judge(order(ItemKind.IMAGING, true, null, HospitalLevel.PRIMARY, List.of()),
                new Recognition.Result(TODAY.minusDays(400), ReportStatus.FINAL, false, "https://pacs/viewer?study=1",
                        HospitalLevel.TERTIARY, List.of(pass(TODAY.minusYears(2), TODAY)), false));
        assertThat(v.offered()).isTrue();
        assertThat(codes(v)).contains(OfferReason.NO_WINDOW_DOCTOR_JUDGES);
    }

    @Test
    void NATR2_qcExpiredTheDayBeforeTheResultIsNotOffered_onItsLastDayItIs() {
        LocalDate day = TODAY.minusDays(3);
        var lastDay = Recognition.judge(order(30), result(day, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false,
                List.of(pass(day.minusYears(1), day))));
        assertThat(lastDay.offered()).isTrue();

        var expired = Recognition.judge(order(30), result(day, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false,
                List.of(pass(day.minusYears(1), day.minusDays(1)))));
        assertThat(expired.offered()).isFalse();
        assertThat(codes(expired)).contains(OfferReason.QC_EXPIRED);
        assertThat(expired.mark()).isNull();
    }

    @Test
    void NATR2_noQcOrAFutureQcIsNotOffered() {
        LocalDate day = TODAY.minusDays(3);
        var none = Recognition.judge(order(30), result(day, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false, List.of()));
        assertThat(codes(none)).contains(OfferReason.NO_QC);
        var notYet = Recognition.judge(order(30), result(day, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false,
                List.of(pass(day.plusDays(1), day.plusYears(1)))));
        assertThat(notYet.offered()).isFalse();
        assertThat(codes(notYet)).contains(OfferReason.NO_QC);
    }

    @Test
    void NATR10_failedEqaCoveringTheResultDateIsNotOffered() {
        LocalDate day = TODAY.minusDays(3);
        var failed = new QcView(UUID.randomUUID(), UUID.randomUUID(), "K", false, QcLevel.PROVINCIAL, "上海",
                day.minusMonths(1), day.plusMonths(1));
        var v = Recognition.judge(order(30), result(day, ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false, List.of(failed)));
        assertThat(v.offered()).isFalse();
        assertThat(codes(v)).contains(OfferReason.QC_FAILED);
    }

    @Test
    void NATR10_imagingWithoutAReachableStudyIsNotOffered() {
        var order = order(ItemKind.IMAGING, true, null, HospitalLevel.PRIMARY, List.of());
        var qc = List.of(pass(TODAY.minusYears(1), TODAY));
        var without = Recognition.judge(order, new Recognition.Result(TODAY.minusDays(2), ReportStatus.FINAL, false, null,
                HospitalLevel.TERTIARY, qc, false));
        assertThat(without.offered()).isFalse();
        assertThat(codes(without)).contains(OfferReason.IMAGES_UNAVAILABLE);
        var with = Recognition.judge(order, new Recognition.Result(TODAY.minusDays(2), ReportStatus.FINAL, false,
                "https://pacs/wado-rs/studies/1", HospitalLevel.TERTIARY, qc, false));
        assertThat(with.offered()).isTrue();
    }

    @Test
    void NATR12_criticalAndPreliminaryResultsAreNeverOffered_finalAndAmendedAre() {
        var qc = List.of(pass(TODAY.minusYears(1), TODAY));
        var preliminary = Recognition.judge(order(30), result(TODAY.minusDays(1), ReportStatus.PRELIMINARY, false,
                HospitalLevel.TERTIARY, false, qc));
        assertThat(preliminary.offered()).isFalse();
        assertThat(codes(preliminary)).contains(OfferReason.PRELIMINARY);
        var critical = Recognition.judge(order(30), result(TODAY.minusDays(1), ReportStatus.FINAL, true,
                HospitalLevel.TERTIARY, false, qc));
        assertThat(critical.offered()).isFalse();
        assertThat(codes(critical)).contains(OfferReason.CRITICAL);
        var amended = Recognition.judge(order(30), result(TODAY.minusDays(1), ReportStatus.AMENDED, false,
                HospitalLevel.TERTIARY, false, qc));
        assertThat(amended.offered()).isTrue();
    }

    @Test
    void NATR9_lowerRecognisesHigher_higherDoesNotRecogniseLowerOutsideATightGroup() {
        var qc = List.of(pass(TODAY.minusYears(1), TODAY));
        var up = Recognition.judge(order(ItemKind.LAB, true, 30, HospitalLevel.PRIMARY, List.of()),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false, qc));
        assertThat(codes(up)).contains(OfferReason.DIRECTION_UPWARD);
        assertThat(up.offered()).isTrue();

        var down = Recognition.judge(order(ItemKind.LAB, true, 30, HospitalLevel.TERTIARY, List.of()),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.PRIMARY, false, qc));
        assertThat(down.offered()).isFalse();
        assertThat(codes(down)).contains(OfferReason.WRONG_DIRECTION);
    }

    @Test
    void NATR9_higherRecognisesLowerInATightGroupOrAtTheSameQcScope() {
        var qc = List.of(pass(TODAY.minusYears(1), TODAY));
        var tight = Recognition.judge(order(ItemKind.LAB, true, 30, HospitalLevel.TERTIARY, List.of()),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.PRIMARY, true, qc));
        assertThat(tight.offered()).isTrue();
        assertThat(codes(tight)).contains(OfferReason.TIGHT_GROUP_ALL_ITEMS);

        var sameScope = Recognition.judge(order(ItemKind.LAB, true, 30, HospitalLevel.TERTIARY, qc),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.PRIMARY, false, qc));
        assertThat(sameScope.offered()).isTrue();
        assertThat(codes(sameScope)).contains(OfferReason.DIRECTION_SAME_SCOPE);

        var switchedOff = Recognition.judge(new Recognition.Order(ItemKind.LAB, true, "310000", 30, TODAY,
                HospitalLevel.TERTIARY, List.of(), false, true),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.PRIMARY, true, qc));
        assertThat(switchedOff.offered()).isFalse();
    }

    @Test
    void NATR2_itemOffTheListIsOfferedOnlyInsideATightGroup() {
        var qc = List.of(pass(TODAY.minusYears(1), TODAY));
        var off = Recognition.judge(order(ItemKind.LAB, false, 30, HospitalLevel.PRIMARY, List.of()),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.TERTIARY, false, qc));
        assertThat(off.offered()).isFalse();
        assertThat(codes(off)).contains(OfferReason.NOT_ON_LIST);
        var inGroup = Recognition.judge(order(ItemKind.LAB, false, 30, HospitalLevel.PRIMARY, List.of()),
                result(TODAY.minusDays(1), ReportStatus.FINAL, false, HospitalLevel.TERTIARY, true, qc));
        assertThat(inGroup.offered()).isTrue();
    }

    @Test
    void aResultDatedAfterTheOrderIsNotOffered() {
        var v = Recognition.judge(order(30), result(TODAY.plusDays(1)));
        assertThat(v.offered()).isFalse();
        assertThat(codes(v)).contains(OfferReason.AFTER_AS_OF);
    }
}
