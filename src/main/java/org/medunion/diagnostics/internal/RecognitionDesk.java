package org.medunion.diagnostics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.RecognitionOffer;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.identity.CurrentUser;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.CareRelationship;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Recognition at order entry (NAT-R-1..12): the offer with its reasons, and the clinician's decision with the
 * avoided list price (I-25). A re-examination is never blocked (NAT-R-6): it needs only a reason code.
 */
@Component
class RecognitionDesk {

    /** How many earlier results of one item the look-up judges (newest first). */
    static final int LOOK_BACK = 20;

    private final ResultStore results;
    private final CentreStore centres;
    private final CatalogueStore catalogue;
    private final ReferenceData reference;
    private final DiagnosticsAccess access;
    private final DiagnosticsSettings settings;
    private final RegistryDirectory registry;
    private final MessageSource messages;
    private final PatientExplanations explanations;
    private final EvidenceAnnouncer announcer;
    private final AuditTrail audit;
    private final Clock clock;

    RecognitionDesk(ResultStore results, CentreStore centres, CatalogueStore catalogue, ReferenceData reference,
                    DiagnosticsAccess access, DiagnosticsSettings settings, RegistryDirectory registry, MessageSource messages,
                    PatientExplanations explanations, EvidenceAnnouncer announcer, AuditTrail audit, Clock clock) {
        this.announcer = announcer;
        this.results = results;
        this.centres = centres;
        this.catalogue = catalogue;
        this.reference = reference;
        this.access = access;
        this.settings = settings;
        this.registry = registry;
        this.messages = messages;
        this.explanations = explanations;
        this.audit = audit;
        this.clock = clock;
    }

    RecognitionOffer find(@Nullable UUID resident, @Nullable String itemCode, @Nullable UUID orderingInstitution,
                          @Nullable LocalDate asOf) {
        CurrentUser user = access.caller();
        InstitutionView ordering = orderingInstitution(user, orderingInstitution);
        UUID residentId = Required.of(resident, "residentId");
        CareRelationship why = access.relationship(residentId).orElseThrow(() -> new NotFoundException("resident", residentId));
        ItemView item = reference.item(itemCode, "itemCode");
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        var offer = offer(residentId, item, ordering, day);
        audit.record(AuditAction.SEARCH, Results.OBJECT, null, residentId.toString(),
                "recognisable " + item.code() + ": " + offer.candidates().size() + " results", why.name());
        return offer;
    }

    /**
     * Whether an order entry for the resident and item needs a decision: some earlier result is offered today
     * (NAT-R-5). False when the resident or item is unusable: placing the order then names the field.
     */
    boolean decisionDue(@Nullable UUID resident, @Nullable String itemCode) {
        if (resident == null || itemCode == null || access.relationship(resident).isEmpty()) {
            return false;
        }
        Optional<ItemView> item = reference.find(itemCode);
        if (item.isEmpty()) {
            return false;
        }
        InstitutionView ordering = orderingInstitution(access.caller(), null);
        return offer(resident, item.get(), ordering, LocalDate.now(clock)).anyOffered();
    }

    private InstitutionView orderingInstitution(CurrentUser user, @Nullable UUID given) {
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (own != null) {
            if (given != null && !given.equals(own)) {
                throw DiagnosticsAccess.forbidden("orderingInstitutionId");
            }
            return access.institution(own, "orderingInstitutionId");
        }
        if (given == null) {
            throw new InvalidInputException("orderingInstitutionId", DiagnosticsError.NO_ORDERING_INSTITUTION);
        }
        InstitutionView institution = access.institution(given, "orderingInstitutionId");
        if (!access.governs(user, institution.districtCode())) {
            throw DiagnosticsAccess.forbidden("orderingInstitutionId");
        }
        return institution;
    }

    /** The list's place as a clinician reads it ("上海市"), its GB/T 2260 code only if the registry lacks it. */
    private String placeName(String division) {
        return registry.district(division).map(d -> d.name()).orElse(division);
    }

    private RecognitionOffer offer(UUID resident, ItemView item, InstitutionView ordering, LocalDate day) {
        String division = ordering.districtCode();
        var inForce = catalogue.inForce(ReferenceData.jurisdictionsOf(division), item.code(), day);
        Integer window = inForce.map(CatalogueStore.InForce::windowDays).orElse(null);
        if (window == null) {
            window = settings.fallbackWindow(item.kind(), division);
        }
        var rows = results.forLookup(resident, item.code(), LOOK_BACK);
        Set<UUID> performers = new HashSet<>();
        rows.forEach(r -> performers.add(r.performerId()));
        Set<UUID> asked = new HashSet<>(performers);
        asked.add(ordering.id().value());
        Map<UUID, List<QcView>> qc = centres.qc(asked, item.code());
        var order = new Recognition.Order(item.kind(), inForce.map(CatalogueStore.InForce::onList).orElse(false),
                inForce.map(CatalogueStore.InForce::jurisdiction).map(this::placeName).orElse(null), window, day, ordering.level(),
                qc.getOrDefault(ordering.id().value(), List.of()), settings.tightGroupAllItems(division),
                settings.excludeCriticalAndPreliminary(division));
        Set<UUID> tightPartners = tightPartners(ordering.id(), day);
        Map<UUID, InstitutionView> institutions = new HashMap<>();
        for (UUID p : performers) {
            registry.institutionEntry(new InstitutionId(p)).ifPresent(i -> institutions.put(p, i));
        }
        List<RecognitionOffer.Candidate> candidates = new ArrayList<>();
        for (var r : rows) {
            InstitutionView performer = institutions.get(r.performerId());
            HospitalLevel level = performer == null ? HospitalLevel.UNRATED : performer.level();
            var verdict = Recognition.judge(order, new Recognition.Result(r.resultDate(), r.status(), r.critical(), r.studyUrl(),
                    level, qc.getOrDefault(r.performerId(), List.of()), tightPartners.contains(r.performerId())));
            candidates.add(new RecognitionOffer.Candidate(r.id(), r.resultDate(), verdict.ageDays(), r.performerId(),
                    performer == null ? "" : performer.name(), r.status(), verdict.mark(), verdict.offered(),
                    verdict.reasons().stream().map(this::reason).toList()));
        }
        return new RecognitionOffer(resident, item.code(), item.name(), ordering.id().value(), day,
                inForce.map(CatalogueStore.InForce::jurisdiction).orElse(null), inForce.map(CatalogueStore.InForce::version).orElse(null),
                window, item.listPrice(), List.copyOf(candidates));
    }

    /** Members of the ordering institution's tight consortia on the day (NAT-R-9). */
    private Set<UUID> tightPartners(InstitutionId ordering, LocalDate day) {
        Set<UUID> out = new HashSet<>();
        registry.activeConsortiaOf(ordering).stream().filter(c -> c.tight())
                .forEach(c -> c.activeMembers(day).forEach(m -> out.add(m.institutionId().value())));
        return out;
    }

    private RecognitionOffer.Reason reason(Recognition.Because b) {
        String text = messages.getMessage("diagnostics.reason." + b.code().name(), b.args().toArray(),
                b.code().name(), LocaleContextHolder.getLocale());
        return new RecognitionOffer.Reason(b.code(), b.args(), text == null ? b.code().name() : text);
    }

    DecisionView decide(RecordDecision c) {
        return decide(c, clock.instant());
    }

    /** The decision made at {@code at} (the backfill passes the instant it happened); the offer is judged on its day. */
    DecisionView decide(RecordDecision c, Instant at) {
        CurrentUser user = access.caller();
        InstitutionView ordering = orderingInstitution(user, c.orderingInstitutionId());
        UUID resident = Required.of(c.residentId(), "residentId");
        access.requireResident(resident, "residentId");
        ItemView item = reference.item(c.itemCode(), "itemCode");
        LocalDate day = c.asOf() == null ? LocalDate.ofInstant(at, clock.getZone()) : c.asOf();
        DecisionView decision;
        ReexaminationReason passedOver = null;
        if (c.reportId() != null) {
            var offer = offer(resident, item, ordering, day);
            Optional<RecognitionOffer.Candidate> chosen = offer.candidates().stream()
                    .filter(k -> k.reportId().value().equals(c.reportId()) && k.offered()).findFirst();
            if (chosen.isEmpty()) {
                throw new InvalidInputException("reportId", DiagnosticsError.NOT_OFFERED, c.reportId());
            }
            decision = new DecisionView(UUID.randomUUID(), resident, item.code(), ordering.id().value(), DecisionOutcome.RECOGNISED,
                    c.reportId(), null, null, item.listPrice(), user.username(), at, null);
        } else {
            if (c.reasonCode() == null || c.reasonCode().isBlank()) {
                throw new InvalidInputException("reasonCode", DiagnosticsError.REASON_REQUIRED);
            }
            String code = c.reasonCode().strip();
            ReexaminationReason reason = ReexaminationReason.ofCode(code)
                    .orElseThrow(() -> new InvalidInputException("reasonCode", DiagnosticsError.UNKNOWN_REASON, code));
            String text = ReferenceData.optional(c.reasonText(), "reasonText", 1000);
            if (text == null && settings.freeTextReasons(ordering.districtCode()).contains(reason.code())) {
                throw new InvalidInputException("reasonText", DiagnosticsError.REASON_TEXT_REQUIRED, reason.code());
            }
            decision = new DecisionView(UUID.randomUUID(), resident, item.code(), ordering.id().value(), DecisionOutcome.REEXAMINED,
                    null, reason.code(), text, BigDecimal.ZERO, user.username(), at, null);
            // NAT-R-8: re-examining although a result was offered owes the patient an explanation
            passedOver = offer(resident, item, ordering, day).anyOffered() ? reason : null;
        }
        results.save(decision);
        announcer.decided(decision);
        audit.record(AuditAction.CREATE, "RecognitionDecision", decision.id().toString(), resident.toString(),
                decision.outcome() + " " + item.code() + (decision.reasonCode() == null ? "" : " " + decision.reasonCode()));
        if (passedOver != null) {
            explanations.prepare(decision, item, passedOver);
        }
        return decision;
    }

    /** One decision, read with a care relationship to its resident; anything else is "not found". */
    DecisionView decision(UUID id) {
        var d = results.decision(id).orElseThrow(() -> new NotFoundException("decision", id));
        var why = access.relationship(d.residentId()).orElseThrow(() -> new NotFoundException("decision", id));
        audit.record(AuditAction.READ, "RecognitionDecision", id.toString(), d.residentId().toString(), null, why.name());
        return d;
    }

    /** Records that the order was placed with the re-examination (order entry, one transaction). */
    DecisionView linkOrder(DecisionView d, UUID order) {
        results.linkOrder(d.id(), order);
        return new DecisionView(d.id(), d.residentId(), d.itemCode(), d.orderingInstitutionId(), d.outcome(), d.reportId(),
                d.reasonCode(), d.reasonText(), d.avoidedPrice(), d.decidedBy(), d.decidedAt(), order);
    }

    List<DecisionView> decisionsOf(UUID resident) {
        var why = access.relationship(resident);
        if (why.isEmpty()) {
            return List.of();
        }
        var out = results.decisionsOf(resident);
        audit.record(AuditAction.SEARCH, "RecognitionDecision", null, resident.toString(), out.size() + " decisions", why.get().name());
        return out;
    }
}
