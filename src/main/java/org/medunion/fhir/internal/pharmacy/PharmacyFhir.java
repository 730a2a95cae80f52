package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;

/** Systems, ids and paging shared by the pharmacy resource providers (docs/fhir.md, "Pharmacy"). */
final class PharmacyFhir {

    static final String ID_PRESCRIPTION_ITEM = "https://medunion.example/id/prescription-item";
    static final String FORMULARY = Systems.BASE + "/formulary";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CS_PRESCRIPTION_STATUS = Systems.codeSystem("prescription-status");
    static final String CS_NOT_DISPENSED = Systems.codeSystem("not-dispensed-reason");
    static final String CS_CONTROL = Systems.codeSystem("drug-control-class");
    static final String CS_ISSUE = Systems.codeSystem("prescription-issue");
    static final String CS_MITIGATION = Systems.codeSystem("review-mitigation");
    static final String CS_RULE = Systems.codeSystem("rule");
    /** The id suffix of a prescription's review: {@code Task}, {@code Provenance} and {@code DetectedIssue} {@code <id>-review}. */
    static final String REVIEW_SUFFIX = "-review";
    static final String CS_ENCOUNTER = Systems.codeSystem("prescription-encounter");
    static final String EXT_PRESCRIPTION_STATUS = Systems.EXTENSION + "prescription-status";
    /** RX-1: why the supply exceeds the encounter's days (处方管理办法 §19). */
    static final String EXT_OVER_LIMIT_REASON = Systems.EXTENSION + "prescription-over-limit-reason";
    /** RX-6: the patient confirmed (signed) a long prescription over 4 weeks. */
    static final String EXT_LONG_CONFIRMED = Systems.EXTENSION + "long-prescription-confirmed";
    /** RX-15: the patient confirmed the dispensing site. */
    static final String EXT_SITE_CONFIRMED = Systems.EXTENSION + "dispensing-site-confirmed";
    /** RX-15: delivered by central distribution from the dispensing member. */
    static final String EXT_CENTRAL_DISTRIBUTION = Systems.EXTENSION + "central-distribution";

    /** MedicationRequest.status → the prescription states it stands for. */
    static final Map<String, Set<PrescriptionStatus>> REQUEST_STATUS = Map.of(
            "on-hold", EnumSet.of(PrescriptionStatus.IN_REVIEW),
            "draft", EnumSet.of(PrescriptionStatus.RETURNED),
            "active", EnumSet.of(PrescriptionStatus.APPROVED, PrescriptionStatus.PARTIALLY_DISPENSED),
            "completed", EnumSet.of(PrescriptionStatus.DISPENSED),
            "stopped", EnumSet.of(PrescriptionStatus.NOT_DISPENSED),
            "cancelled", EnumSet.of(PrescriptionStatus.CANCELLED),
            "entered-in-error", EnumSet.noneOf(PrescriptionStatus.class),
            "unknown", EnumSet.noneOf(PrescriptionStatus.class));

    /** MedicationDispense.status → the prescription states it stands for (only dispensed ones give dispenses). */
    static final Map<String, Set<PrescriptionStatus>> DISPENSE_STATUS = Map.of(
            "in-progress", EnumSet.of(PrescriptionStatus.PARTIALLY_DISPENSED),
            "completed", EnumSet.of(PrescriptionStatus.DISPENSED),
            "declined", EnumSet.of(PrescriptionStatus.NOT_DISPENSED),
            "preparation", EnumSet.noneOf(PrescriptionStatus.class),
            "cancelled", EnumSet.noneOf(PrescriptionStatus.class),
            "on-hold", EnumSet.noneOf(PrescriptionStatus.class),
            "entered-in-error", EnumSet.noneOf(PrescriptionStatus.class),
            "stopped", EnumSet.noneOf(PrescriptionStatus.class),
            "unknown", EnumSet.noneOf(PrescriptionStatus.class));

    static final Set<PrescriptionStatus> DISPENSED = EnumSet.of(PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionStatus.DISPENSED,
            PrescriptionStatus.NOT_DISPENSED);

    private PharmacyFhir() {
    }

    /** A resource id {@code <prescription uuid>-<suffix>}: the prescription and the suffix, or null when malformed. */
    record Part(PrescriptionId prescription, String suffix) {
    }

    static @Nullable Part part(@Nullable String id) {
        if (id == null || id.length() < 38 || id.charAt(36) != '-') {
            return null;
        }
        try {
            return new Part(new PrescriptionId(UUID.fromString(id.substring(0, 36))), id.substring(37));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The resource of one item {@code <prescription>-<line>} of a prescription the caller may see and that
     * {@code has} it; anything else (malformed, unknown, invisible, no such line) is 404.
     */
    static <R extends Resource> R item(PrescriptionRecords records, IdType id, Predicate<PrescriptionRecords.Entry> has,
                                       BiFunction<PrescriptionRecords.Entry, PrescriptionView.ItemView, R> map) {
        var part = part(id.getIdPart());
        if (part == null || !part.suffix().matches("\\d{1,3}")) {
            throw new ResourceNotFoundException(id);
        }
        try {
            var entry = records.read(part.prescription());
            int line = Integer.parseInt(part.suffix());
            return entry.view().items().stream().filter(i -> i.line() == line && has.test(entry)).findFirst()
                    .map(i -> map.apply(entry, i)).orElseThrow(() -> new ResourceNotFoundException(id));
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /**
     * The prescription states a {@code status} parameter admits (any of its codes; absent = {@code allowed}); an
     * unknown code is a 400 naming {@code status}. An empty result means nothing can match.
     */
    static Set<PrescriptionStatus> statuses(@Nullable TokenOrListParam status, Map<String, Set<PrescriptionStatus>> codes,
                                            Set<PrescriptionStatus> allowed) {
        if (status == null || status.getValuesAsQueryTokens().isEmpty()) {
            return allowed;
        }
        var out = EnumSet.noneOf(PrescriptionStatus.class);
        for (var token : status.getValuesAsQueryTokens()) {
            var states = codes.get(token.getValue());
            if (states == null) {
                throw new InvalidInputException("status", "request.unknownValue", token.getValue(),
                        String.join(", ", codes.keySet().stream().sorted().toList()));
            }
            states.stream().filter(allowed::contains).forEach(out::add);
        }
        return out;
    }

    /**
     * One page of the resources the matches give: counts from the matches (nothing personal read), then only the
     * prescriptions that overlap the page are read — and audited — and mapped.
     */
    static <R extends Resource> IBundleProvider page(PrescriptionRecords records, List<PrescriptionRecords.Match> matches,
                                                     ToIntFunction<PrescriptionRecords.Match> size,
                                                     Function<PrescriptionRecords.Entry, List<R>> map, Pages.Request request) {
        long total = 0;
        int skip = -1;
        var ids = new ArrayList<PrescriptionId>();
        long end = (long) request.offset() + request.count();
        for (var m : matches) {
            int n = size.applyAsInt(m);
            if (n > 0 && total + n > request.offset() && total < end) {
                if (skip < 0) {
                    skip = (int) (request.offset() - total);
                }
                ids.add(m.id());
            }
            total += n;
        }
        if (ids.isEmpty()) {
            return Pages.of(request, List.of(), total);
        }
        var resources = records.page(ids).stream().flatMap(e -> map.apply(e).stream()).toList();
        int from = Math.min(skip, resources.size());
        return Pages.of(request, resources.subList(from, Math.min(resources.size(), from + request.count())), total);
    }
}
