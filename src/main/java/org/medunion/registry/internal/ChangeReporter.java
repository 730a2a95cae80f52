package org.medunion.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumChanged;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.RegistryChangeGuard;
import org.medunion.shared.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens after a registry change is applied and before it commits: every
 * {@link RegistryChangeGuard} checks it (a blocking violation rolls everything back, 422), and a change
 * of a consortium relation is written down as an immutable 医疗联合体建设报告表 (SH-10) whose reporting
 * party is the municipal hospital in the relation (else the lead) and whose recipients are that
 * hospital's owner (办医主体) and the municipal health commission.
 */
@Component
class ChangeReporter {

    /** Change reports are kept in the jurisdiction's language, whatever the caller's. */
    static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<RegistryChangeGuard> guards;
    private final ChangeReportStore reports;
    private final InstitutionStore institutions;
    private final ReferenceDataStore referenceData;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    ChangeReporter(ObjectProvider<RegistryChangeGuard> guards, ChangeReportStore reports, InstitutionStore institutions,
                   ReferenceDataStore referenceData, AuditTrail audit, ApplicationEventPublisher events,
                   MessageSource messages, Clock clock) {
        this.guards = guards;
        this.reports = reports;
        this.institutions = institutions;
        this.referenceData = referenceData;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Asks every guard about the applied change; throws {@link RuleViolationException} (422) on a blocking violation. */
    void guard(RegistryChange change) {
        List<RuleViolationException.Violation> violations = new ArrayList<>();
        guards.orderedStream().forEach(g -> {
            List<RuleViolationException.Violation> found = g.check(change);
            if (found != null) {
                violations.addAll(found);
            }
        });
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * Writes the change report of a consortium relation change and publishes {@link ConsortiumChanged}.
     *
     * @param after    the consortium as it stands after the change
     * @param relation the institutions whose relation changed (all members for a creation or dissolution)
     */
    ChangeReportView report(ChangeType type, ConsortiumView after, List<InstitutionId> relation, String summary,
                            String reportedBy) {
        List<UUID> ids = new ArrayList<>();
        relation.forEach(id -> ids.add(id.value()));
        after.members().forEach(m -> ids.add(m.institutionId().value()));
        Map<UUID, InstitutionStore.Brief> briefs = institutions.briefs(ids);
        // SH-10: "市级医院为报告主体" — a municipal hospital of the relation, else a municipal member of the consortium
        // (a community centre joining a group its municipal hospital supports is still reported by that hospital)
        InstitutionStore.Brief reporting = relation.stream().map(id -> briefs.get(id.value())).filter(Objects::nonNull)
                .filter(i -> i.affiliation() == Affiliation.MUNICIPAL).findFirst()
                .or(() -> after.activeMembers(LocalDate.now(clock)).stream().map(m -> briefs.get(m.institutionId().value()))
                        .filter(Objects::nonNull).filter(i -> i.affiliation() == Affiliation.MUNICIPAL).findFirst())
                .or(() -> lead(after).map(id -> briefs.get(id.value())))
                .or(() -> relation.stream().map(id -> briefs.get(id.value())).filter(Objects::nonNull).findFirst())
                .orElse(null);
        List<String> recipients = new ArrayList<>();
        if (reporting != null && reporting.ownerBody() != null && !reporting.ownerBody().isBlank()) {
            recipients.add(reporting.ownerBody());
        }
        String cityName = referenceData.cityOf(after.districtCode()).map(d -> d.name()).orElse(after.districtCode());
        recipients.add(text("registry.report.commission", cityName));

        Instant now = clock.instant();
        int year = LocalDate.now(clock).getYear();
        String number = "CR-%d-%06d".formatted(year, reports.nextNumber());
        var view = new ChangeReportView(UUID.randomUUID(), number, after.id(), after.name(), type,
                reporting == null ? null : new InstitutionId(reporting.id()), List.copyOf(recipients), summary,
                snapshot(after, briefs), now, reportedBy);
        reports.insert(view, after.form());
        audit.record(AuditAction.CREATE, "ChangeReport", view.id().toString(), null, number + " " + type);
        events.publishEvent(new ConsortiumChanged(after.id(), type, view.id()));
        return view;
    }

    /** A text of the registry bundle in the report language. */
    /** The summary with the planner's override reason, when the change was let through with one (SH-3 … 422s). */
    String withOverride(String summary, @Nullable String overrideReason) {
        return overrideReason == null ? summary : summary + text("registry.report.override", overrideReason);
    }

    String text(String key, @Nullable Object... args) {
        String text = messages.getMessage(key, args, key, REPORT_LOCALE);
        return text == null ? key : text;
    }

    String institutionName(InstitutionId id) {
        return institutionNames(List.of(id)).get(0);
    }

    /** Names in the order of the IDs (the ID itself where an institution is unknown). */
    List<String> institutionNames(List<InstitutionId> ids) {
        Map<UUID, InstitutionStore.Brief> briefs = institutions.briefs(ids.stream().map(InstitutionId::value).toList());
        return ids.stream().map(id -> briefs.containsKey(id.value()) ? briefs.get(id.value()).name() : id.toString()).toList();
    }

    private static Optional<InstitutionId> lead(ConsortiumView c) {
        return c.lead().or(() -> c.members().stream().filter(m -> m.role() == MembershipRole.LEAD)
                .reduce((a, b) -> b).map(MembershipView::institutionId));
    }

    private static String snapshot(ConsortiumView after, Map<UUID, InstitutionStore.Brief> briefs) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("consortium", after);
        Map<String, String> names = new LinkedHashMap<>();
        after.members().forEach(m -> {
            var brief = briefs.get(m.institutionId().value());
            names.putIfAbsent(m.institutionId().toString(), brief == null ? "" : brief.name());
        });
        snapshot.put("institutionNames", names);
        return JSON.writeValueAsString(snapshot);
    }
}
