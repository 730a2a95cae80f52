package org.medunion.diagnostics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OfferReason;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.registry.HospitalLevel;

/**
 * The verdict on one earlier result (NAT-R-2, 4, 9, 10, 12), pure so that each rule is tested on both sides of its
 * parameter without a database. Every check adds its reason, favourable or not; a result is offered when none is
 * unfavourable. Windows are inclusive: a 7-day window offers a result 7 days old and not one 8 days old.
 */
final class Recognition {

    private Recognition() {
    }

    /** What the look-up knows about the order: the item, its list entry and window, the orderer and the parameters. */
    record Order(ItemKind kind, boolean onList, @Nullable String listPlace, @Nullable Integer windowDays,
                 LocalDate asOf, HospitalLevel orderingLevel, List<QcView> orderingQc, boolean tightGroupAllItems,
                 boolean excludeCriticalAndPreliminary) {
    }

    /** One earlier result with what the look-up knows about its performer. */
    record Result(LocalDate resultDate, ReportStatus status, boolean critical, @Nullable String studyUrl,
                  HospitalLevel performerLevel, List<QcView> performerQc, boolean sameTightGroup) {
    }

    record Because(OfferReason code, List<String> args) {
    }

    record Verdict(boolean offered, long ageDays, @Nullable String mark, List<Because> reasons) {
    }

    static Verdict judge(Order o, Result r) {
        List<Because> why = new ArrayList<>();
        long age = ChronoUnit.DAYS.between(r.resultDate(), o.asOf());
        if (age < 0) {
            why.add(because(OfferReason.AFTER_AS_OF, r.resultDate()));
        }
        if (o.excludeCriticalAndPreliminary()) {
            if (r.status() == ReportStatus.PRELIMINARY) {
                why.add(because(OfferReason.PRELIMINARY));
            }
            if (r.critical()) {
                why.add(because(OfferReason.CRITICAL));
            }
        }
        boolean tight = r.sameTightGroup() && o.tightGroupAllItems();
        if (o.onList()) {
            why.add(because(OfferReason.ON_LIST, o.listPlace()));
        } else if (tight) {
            why.add(because(OfferReason.TIGHT_GROUP_ALL_ITEMS));
        } else {
            why.add(because(OfferReason.NOT_ON_LIST, o.listPlace() == null ? "-" : o.listPlace()));
        }
        Optional<QcView> pass = validPass(r.performerQc(), r.resultDate());
        why.add(qc(r, pass));
        why.add(direction(o, r, pass, tight));
        window(o, age, why);
        if (o.kind() == ItemKind.IMAGING && (r.studyUrl() == null || r.studyUrl().isBlank())) {
            why.add(because(OfferReason.IMAGES_UNAVAILABLE));
        }
        boolean offered = why.stream().allMatch(b -> b.code().favourable());
        return new Verdict(offered, age, pass.map(QcView::mark).orElse(null), List.copyOf(why));
    }

    /** The passed QC record covering the day, the widest scope first. */
    static Optional<QcView> validPass(List<QcView> qc, LocalDate day) {
        return qc.stream().filter(q -> q.passed() && q.covers(day)).min(Comparator.comparing(QcView::level));
    }

    private static Because qc(Result r, Optional<QcView> pass) {
        if (pass.isPresent()) {
            return because(OfferReason.QC_VALID, pass.get().mark(), pass.get().validUntil());
        }
        if (r.performerQc().stream().anyMatch(q -> !q.passed() && q.covers(r.resultDate()))) {
            return because(OfferReason.QC_FAILED, r.resultDate());
        }
        Optional<QcView> lapsed = r.performerQc().stream().filter(q -> q.passed() && q.validUntil().isBefore(r.resultDate()))
                .max(Comparator.comparing(QcView::validUntil));
        if (lapsed.isPresent()) {
            return because(OfferReason.QC_EXPIRED, lapsed.get().validUntil(), r.resultDate());
        }
        return because(OfferReason.NO_QC, r.resultDate());
    }

    /** NAT-R-9: lower levels recognise higher; higher recognises lower in a tight group or at the same QC scope. */
    private static Because direction(Order o, Result r, Optional<QcView> pass, boolean tight) {
        if (rank(r.performerLevel()) >= rank(o.orderingLevel())) {
            return because(OfferReason.DIRECTION_UPWARD);
        }
        if (tight) {
            return because(OfferReason.TIGHT_GROUP_ALL_ITEMS);
        }
        if (pass.isPresent()) {
            QcLevel level = pass.get().level();
            boolean sameScope = o.orderingQc().stream()
                    .anyMatch(q -> q.passed() && q.covers(o.asOf()) && q.level() == level);
            if (sameScope) {
                return because(OfferReason.DIRECTION_SAME_SCOPE, pass.get().mark());
            }
        }
        return because(OfferReason.WRONG_DIRECTION);
    }

    private static void window(Order o, long age, List<Because> why) {
        if (o.windowDays() == null) {
            why.add(because(OfferReason.NO_WINDOW_DOCTOR_JUDGES, age));
        } else if (age <= o.windowDays()) {
            why.add(because(OfferReason.WITHIN_WINDOW, age, o.windowDays()));
        } else {
            why.add(because(OfferReason.WINDOW_EXCEEDED, age - o.windowDays(), o.windowDays(), age));
        }
    }

    static int rank(HospitalLevel level) {
        return switch (level) {
            case TERTIARY -> 3;
            case SECONDARY -> 2;
            case PRIMARY -> 1;
            case UNRATED -> 0;
        };
    }

    private static Because because(OfferReason code, @Nullable Object... args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(String.valueOf(a));
        }
        return new Because(code, List.copyOf(out));
    }
}
