package org.medunion.fhir.internal.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.DrillDown.Counted;
import org.medunion.indicators.EncounterRow;

/**
 * The records behind a value as the populations' {@code subjectResults} of a subject-list MeasureReport (decision 0265):
 * one contained List per population, each entry a record the indicators module chose by the value's own rule. Records
 * are named by their business identifier (referral, consultation or prescription number, an encounter's record ID with
 * its institution as assigner) or, where a record has none, by a display; a slot by its Slot resource. No resident data:
 * the drill-downs carry none.
 */
final class SubjectLists {

    private static final String SEPARATOR = " · ";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SubjectLists() {
    }

    /** One record and how it enters the value. */
    record Entry(Counted counted, Reference item) {
    }

    static List<Entry> encounters(List<EncounterRow> rows) {
        return rows.stream().map(r -> new Entry(r.counted(), new Reference().setType("Encounter")
                .setIdentifier(new Identifier().setSystem(Systems.ID_SOURCE_RECORD).setValue(r.sourceRecordId())
                        .setAssigner(new Reference("Organization/" + r.institutionId()).setDisplay(r.institutionName())))
                .setDisplay(r.sourceRecordId() + SEPARATOR + r.institutionName()))).toList();
    }

    static List<Entry> records(DrillDown d) {
        var entries = new ArrayList<Entry>();
        d.referrals().forEach(r -> entries.add(new Entry(r.counted(), identified("ServiceRequest", Systems.ID_REFERRAL,
                r.referral().number(), r.fromInstitution() + " → " + nonNull(r.toInstitution())))));
        d.consultations().forEach(r -> entries.add(new Entry(r.counted(), identified("ServiceRequest", Systems.ID_CONSULTATION,
                r.consultation().number(), r.fromInstitution() + " → " + r.toInstitution()))));
        d.prescriptions().forEach(r -> entries.add(new Entry(r.counted(), identified("MedicationRequest", Systems.ID_PRESCRIPTION,
                r.prescription().number(), r.prescribingInstitution()))));
        d.decisions().forEach(r -> entries.add(new Entry(r.counted(),
                shown(r.decision().itemName() + SEPARATOR + r.institution() + SEPARATOR + day(r.decision().decidedAt())))));
        d.orders().forEach(r -> entries.add(new Entry(r.counted(), shown(r.order().itemName() + SEPARATOR
                + r.orderingInstitution() + " → " + r.centreInstitution() + SEPARATOR + day(r.order().orderedAt())))));
        d.sessions().forEach(r -> entries.add(new Entry(Counted.NUMERATOR,
                shown(r.hostInstitution() + " ← " + r.visitingInstitution() + SEPARATOR + day(r.session().at())))));
        d.slots().forEach(r -> entries.add(new Entry(r.counted(), new Reference("Slot/" + r.slot().slotId())
                .setDisplay(r.institution() + SEPARATOR + r.slot().department() + SEPARATOR + day(r.slot().startAt())))));
        d.contracts().forEach(r -> entries.add(new Entry(r.counted(),
                shown(r.registeredBy() + SEPARATOR + nonNull(r.teamInstitution())))));
        d.listedItems().forEach(r -> entries.add(new Entry(r.counted(), shown(r.item().itemCode() + " " + r.item().itemName()))));
        d.catalogueItems().forEach(r -> entries.add(new Entry(r.counted(),
                shown(r.entry().localCode() + " " + r.entry().localName() + SEPARATOR + r.institution()))));
        return entries;
    }

    /**
     * Fills the headline group's populations with their records. A proportion's or an average's denominator holds every
     * counted record (the numerator's too); a ratio's numerator and denominator are different records (I-4: visits over
     * discharges); a count's records form its initial population; records kept but not counted are the denominator
     * exclusion. {@code truncated} notes that only the newest records are listed.
     */
    static void attach(MeasureReport report, String scoring, List<Entry> entries, @Nullable String truncated) {
        var group = report.getGroupFirstRep();
        if ("cohort".equals(scoring)) {
            population(report, group, "initial-population", list(entries, e -> e.counted() == Counted.NUMERATOR), truncated);
            return;
        }
        boolean ratio = "ratio".equals(scoring);
        population(report, group, "numerator", list(entries, e -> e.counted() == Counted.NUMERATOR), truncated);
        population(report, group, "denominator", list(entries, e -> e.counted() == Counted.DENOMINATOR
                || !ratio && e.counted() == Counted.NUMERATOR), truncated);
        var excluded = list(entries, e -> e.counted() == Counted.NOT_COUNTED);
        if (!excluded.isEmpty()) {
            population(report, group, "denominator-exclusion", excluded, truncated);
        }
    }

    private static List<Reference> list(List<Entry> entries, Predicate<Entry> which) {
        return entries.stream().filter(which).map(Entry::item).toList();
    }

    private static void population(MeasureReport report, MeasureReport.MeasureReportGroupComponent group, String code,
                                   List<Reference> items, @Nullable String truncated) {
        var list = new ListResource();
        list.setId(code);
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.SNAPSHOT);
        list.setCode(new CodeableConcept(new Coding(IndicatorFhir.POPULATION, code, null)));
        list.setOrderedBy(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/list-order", "event-date", null)));
        items.forEach(i -> list.addEntry().setItem(i));
        if (items.isEmpty()) {
            list.setEmptyReason(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/list-empty-reason",
                    "nilknown", null)));
        }
        if (truncated != null) {
            list.addNote().setText(truncated);
        }
        report.addContained(list);
        var population = group.getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(code)).findFirst()
                .orElseGet(() -> group.addPopulation().setCode(new CodeableConcept(new Coding(IndicatorFhir.POPULATION, code, null))));
        population.setSubjectResults(new Reference("#" + code));
    }

    private static Reference identified(String type, String system, String value, String display) {
        return new Reference().setType(type).setIdentifier(new Identifier().setSystem(system).setValue(value))
                .setDisplay(value + SEPARATOR + display);
    }

    private static Reference shown(String display) {
        return new Reference().setDisplay(display);
    }

    /** The local day (Asia/Shanghai) a record happened on. */
    private static LocalDate day(Instant at) {
        return at.atZone(SHANGHAI).toLocalDate();
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
