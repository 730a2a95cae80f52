package org.medunion.diagnostics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.diagnostics.ReportStudy;
import org.medunion.diagnostics.ReportView;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.CareRelationship;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reports: recorded by the performing institution (or for an order by its centre), read only with a care
 * relationship to the resident, every read and change audited with the resident as subject.
 */
@Component
class Results {

    static final String OBJECT = "DiagnosticReport";
    private static final Pattern URL = Pattern.compile("https?://\\S{1,490}");

    private final ResultStore store;
    private final CentreStore centres;
    private final ReferenceData reference;
    private final DiagnosticsAccess access;
    private final RegistryDirectory registry;
    private final AuditTrail audit;
    private final Clock clock;

    Results(ResultStore store, CentreStore centres, ReferenceData reference, DiagnosticsAccess access, RegistryDirectory registry,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.centres = centres;
        this.reference = reference;
        this.access = access;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** A report the caller's institution performed (administrators and integrators name the performer). */
    ReportView record(RecordReport c) {
        CurrentUser user = access.caller();
        UUID performer = performer(user, c.performerInstitutionId());
        UUID resident = Required.of(c.residentId(), "residentId");
        access.requireResident(resident, "residentId");
        ItemView item = reference.item(c.itemCode(), "itemCode");
        return save(c, resident, item, performer, null, user);
    }

    /**
     * The performing institution: the caller's own (naming another is 403), or the one an administrator or a governing
     * integrator names.
     */
    UUID performer(CurrentUser user, @Nullable UUID named) {
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (own != null) {
            if (named != null && !own.equals(named)) {
                throw DiagnosticsAccess.forbidden("performerInstitutionId");
            }
            return own;
        }
        var institution = access.institution(named, "performerInstitutionId");
        if (!access.governs(user, institution.districtCode()) || user.role() == Role.PLANNER) {
            throw DiagnosticsAccess.forbidden("recordReport");
        }
        return institution.id().value();
    }

    /** Validates and stores a report; the caller checked who may record it. */
    ReportView save(RecordReport c, UUID resident, ItemView item, UUID performer, @Nullable UUID order, CurrentUser user) {
        return save(c, resident, item, performer, order, user, null);
    }

    /** As {@link #save}, with the report's identifier at the performing member (result import). */
    ReportView save(RecordReport c, UUID resident, ItemView item, UUID performer, @Nullable UUID order, CurrentUser user,
                    ResultStore.@Nullable Source source) {
        return save(c, resident, item, performer, order, user, source, null);
    }

    /** As {@link #save}, with the imaging study a PACS sent (decision 0238), checked by {@link Studies}. */
    ReportView save(RecordReport c, UUID resident, ItemView item, UUID performer, @Nullable UUID order, CurrentUser user,
                    ResultStore.@Nullable Source source, @Nullable ReportStudy sent) {
        ReportStudy imaging = Studies.checked(sent);
        ReportStatus status = Inputs.enumValue(Required.of(c.status(), "status"), ReportStatus.class, "status");
        LocalDate date = Required.of(c.resultDate(), "resultDate");
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("resultDate", DiagnosticsError.RESULT_IN_FUTURE, date);
        }
        String study = Inputs.matching(c.studyUrl(), "studyUrl", URL, DiagnosticsError.STUDY_URL_INVALID);
        List<Observation> observations = new ArrayList<>();
        List<Observation> given = c.observations() == null ? List.of() : c.observations();
        for (int i = 0; i < given.size(); i++) {
            Observation o = given.get(i);
            String f = "observations[" + i + "]";
            observations.add(new Observation(ReferenceData.code(o.code(), f + ".code"),
                    ReferenceData.text(Required.of(o.name(), f + ".name"), f + ".name", 200),
                    ReferenceData.text(Required.of(o.value(), f + ".value"), f + ".value", 80),
                    ReferenceData.optional(o.unit(), f + ".unit", 40),
                    ReferenceData.optional(o.referenceRange(), f + ".referenceRange", 80)));
        }
        String mark = Recognition.validPass(centres.qc(performer, item.code()), date).map(q -> q.mark()).orElse(null);
        var row = new ResultStore.Row(new ReportId(UUID.randomUUID()), resident, item.code(), performer, order, status, date,
                Boolean.TRUE.equals(c.critical()), mark, ReferenceData.optional(c.conclusion(), "conclusion", 2000), study,
                List.copyOf(observations), clock.instant(), 1, imaging);
        store.save(row, user.username(), source);
        audit.record(AuditAction.CREATE, OBJECT, row.id().value().toString(), resident.toString(), item.code());
        return view(row, item);
    }

    ReportView report(ReportId id) {
        var row = store.report(id.value()).orElseThrow(() -> new NotFoundException("report", id.value()));
        CareRelationship why = access.relationship(row.residentId()).orElseThrow(() -> new NotFoundException("report", id.value()));
        audit.record(AuditAction.READ, OBJECT, id.value().toString(), row.residentId().toString(), null, why.name());
        return view(row, reference.find(row.itemCode()).orElseThrow());
    }

    /** Without a care relationship: nothing, the same as for an unknown resident. */
    List<ReportView> ofResident(UUID resident) {
        var why = access.relationship(resident);
        if (why.isEmpty()) {
            return List.of();
        }
        var rows = store.ofResident(resident);
        audit.record(AuditAction.SEARCH, OBJECT, null, resident.toString(), rows.size() + " reports", why.get().name());
        Map<String, ItemView> items = new HashMap<>();
        return rows.stream().map(r -> view(r, items.computeIfAbsent(r.itemCode(), k -> reference.find(k).orElseThrow()))).toList();
    }

    ReportView view(ResultStore.Row r, ItemView item) {
        String performer = names(Set.of(r.performerId())).getOrDefault(r.performerId(), "");
        return new ReportView(r.id(), r.residentId(), r.itemCode(), item.name(), item.kind(), r.performerId(), performer, r.orderId(),
                r.status(), r.resultDate(), r.critical(), r.mark(), r.conclusion(), r.studyUrl(), r.observations(), r.recordedAt(),
                r.version(), r.study());
    }

    Map<UUID, String> names(Set<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        registry.institutionNames(ids.stream().map(InstitutionId::new).toList()).forEach((k, v) -> out.put(k.value(), v));
        return out;
    }
}
