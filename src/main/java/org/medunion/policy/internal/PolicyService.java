package org.medunion.policy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.policy.rules.Assessment;
import org.medunion.policy.rules.Coverage;
import org.medunion.policy.rules.CriterionStatus;
import org.medunion.policy.rules.Divisions;
import org.medunion.policy.rules.Finding;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.NationalCriterion;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Parameters;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.RuleEngine;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The policy module's application service: evaluates the packs, keeps the findings, answers compliance reports
 * and the NAT checklist, records pack choices, parameter overrides and manual evidence — each scoped to the
 * caller (planner: jurisdiction; office: own consortium; admin: all).
 */
@Service
public class PolicyService {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyService.class);

    private final RuleCatalogue catalogue;
    private final RuleEngine engine;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.medunion.audit.AuditTrail audit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "policy-reevaluation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    PolicyService(RuleCatalogue catalogue, RuleEngine engine, SnapshotFactory snapshots, PolicyStore store, CurrentUsers users,
                  MessageSource messages, TransactionTemplate tx, Clock clock, org.medunion.audit.AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.engine = engine;
        this.snapshots = snapshots;
        this.store = store;
        this.users = users;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    /** Counts of one evaluation run. */
    public record EvaluationResult(int findings, long open, long overridden, long noData, int appeared, int resolved, long elapsedMs) {
    }

    // ---- evaluation

    /** Evaluates every pack over the whole registry and upserts the findings (planner/admin, or the system). */
    public EvaluationResult evaluateNow() {
        return evaluateNow(null);
    }

    /** As {@link #evaluateNow()}, recording who asked and why in the audit trail. */
    public EvaluationResult evaluateNow(String reason) {
        users.current().ifPresent(u -> requireRole(u, Role.PLANNER, Role.ADMIN));
        EvaluationResult result = evaluateAndStore();
        if (users.current().isPresent()) {
            tx.executeWithoutResult(s -> audit.record(org.medunion.audit.AuditAction.UPDATE, "PolicyEvaluation", null, null,
                    (reason == null ? "" : reason + " — ") + result.findings() + " findings, " + result.elapsedMs() + " ms"));
        }
        return result;
    }

    synchronized EvaluationResult evaluateAndStore() {
        long t0 = System.nanoTime();
        return tx.execute(status -> {
            RegistrySnapshot snapshot = snapshots.build();
            List<Finding> findings = withOverrides(engine.evaluate(snapshot, store.parameters()));
            int[] counts = store.upsert(findings, clock.instant());
            long open = findings.stream().filter(f -> f.status() == FindingStatus.OPEN).count();
            long overridden = findings.stream().filter(f -> f.status() == FindingStatus.OVERRIDDEN).count();
            long noData = findings.stream().filter(f -> f.status() == FindingStatus.NO_DATA).count();
            return new EvaluationResult(findings.size(), open, overridden, noData, counts[0], counts[2], (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** After a registry change: re-evaluate in the background, coalescing bursts (a demo load) into few runs. */
    void reevaluateSoon() {
        if (pending.compareAndSet(false, true)) {
            background.submit(() -> {
                pending.set(false);
                try {
                    evaluateAndStore();
                } catch (RuntimeException e) {
                    LOG.warn("policy re-evaluation failed: {}", e.toString());
                }
            });
        }
    }

    List<Finding> withOverrides(List<Finding> findings) {
        Set<String> overridden = store.overriddenKeys();
        if (overridden.isEmpty()) {
            return findings;
        }
        return findings.stream().map(f -> f.status() == FindingStatus.OPEN && overridden.contains(f.key() + "\u001e" + cut(f.evidence()))
                ? f.withStatus(FindingStatus.OVERRIDDEN) : f).toList();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    // ---- reads

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    public String message(StoredFinding f) {
        return messages.getMessage(f.messageKey(), f.args().toArray(), f.evidence(), LocaleContextHolder.getLocale());
    }

    public String title(String ruleId) {
        return messages.getMessage("policy.rule." + ruleId + ".title", null, ruleId, LocaleContextHolder.getLocale());
    }

    /** Findings the caller may see, filtered; status OPEN / OVERRIDDEN / NO_DATA / RESOLVED / ALL (default: not resolved). */
    public List<StoredFinding> findings(UUID consortium, String ruleId, String status) {
        CurrentUser u = readableBy();
        String st = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("OPEN", "OVERRIDDEN", "NO_DATA", "RESOLVED", "ALL").contains(st)) {
            throw new InvalidInputException("status", "policy.invalidStatus", status);
        }
        if (ruleId != null && !ruleId.isBlank() && catalogue.rule(ruleId).isEmpty()) {
            throw new InvalidInputException("rule", "policy.unknownRule", ruleId);
        }
        boolean withResolved = "RESOLVED".equals(st) || "ALL".equals(st);
        List<StoredFinding> all = consortium != null ? store.findingsOfConsortium(consortium) : store.findings(withResolved);
        return all.stream().filter(f -> visible(u, f))
                .filter(f -> consortium == null || f.concerns(consortium))
                .filter(f -> ruleId == null || ruleId.isBlank() || f.ruleId().equals(ruleId))
                .filter(f -> st == null ? !f.resolved() : "ALL".equals(st) || ("RESOLVED".equals(st) ? f.resolved() : !f.resolved() && f.status().equals(st)))
                .toList();
    }

    /** A rule with its status in a report and the findings behind it. */
    public record RuleReport(Rule rule, String title, String status, List<StoredFinding> findings) {
    }

    /** A compliance report: each rule of the applicable packs with its status and findings (resolved ones included, flagged). */
    public record ComplianceReport(String subjectType, String subjectKey, String subjectName, Set<Pack> packs, Instant generatedAt,
                                   java.time.LocalDate asOf, List<RuleReport> rules) {
    }

    public ComplianceReport consortiumReport(UUID consortiumId) {
        return consortiumReport(consortiumId, null);
    }

    public ComplianceReport jurisdictionReport(String code) {
        return jurisdictionReport(code, null);
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /**
     * The findings of every pack as of a day other than today: evaluated in memory over the registry as it stood (or
     * will stand) on that day, overrides honoured, not stored — "what did this consortium look like on 2026-06-30".
     */
    private List<StoredFinding> findingsAsOf(java.time.LocalDate asOf) {
        Instant at = asOf.atStartOfDay(clock.getZone()).toInstant();
        return withOverrides(engine.evaluate(snapshots.build(asOf), store.parameters())).stream().map(f -> new StoredFinding(null, f.key(),
                f.ruleId(), catalogue.rule(f.ruleId()).map(r -> r.pack().name()).orElse(null), f.severity().name(), f.status().name(),
                f.subject().type().name(), f.subject().key(), f.subject().name(), f.subject().divisionCode(),
                f.subject().consortiumId() == null ? null : f.subject().consortiumId().value(), f.aspect(), f.messageKey(), f.args(),
                f.evidence(), f.objects(), at, at, null)).toList();
    }

    /** The reason of the newest planner override per finding key (the reason travels with what it allowed). */
    public Map<String, String> overrideReasons() {
        Map<String, String> out = new java.util.HashMap<>();
        store.overrides().stream().sorted(Comparator.comparing(PolicyStore.OverrideRow::createdAt))
                .forEach(o -> out.put(o.findingKey(), o.reason()));
        return out;
    }

    /** {@code asOf}: null or today → the stored findings; another day → evaluated for that day. */
    public ComplianceReport consortiumReport(UUID consortiumId, java.time.LocalDate asOf) {
        CurrentUser u = readableBy();
        ConsortiumView c = snapshots.consortium(new ConsortiumId(consortiumId)).orElseThrow(() -> new NotFoundException("Consortium", consortiumId));
        if (!mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        Set<Pack> packs = packsFor(c.districtCode());
        boolean stored = asOf == null || asOf.equals(today());
        List<StoredFinding> findings = stored ? store.findingsOfConsortium(consortiumId)
                : findingsAsOf(asOf).stream().filter(f -> f.concerns(consortiumId)).toList();
        return new ComplianceReport("CONSORTIUM", consortiumId.toString(), c.name(), packs, clock.instant(), stored ? today() : asOf,
                report(packs, findings, NationalCriterion.tightGroup(c)));
    }

    public ComplianceReport jurisdictionReport(String code, java.time.LocalDate asOf) {
        CurrentUser u = readableBy();
        if (!Divisions.valid(code)) {
            throw new InvalidInputException("code", "policy.invalidJurisdiction", code);
        }
        if (u.role() == Role.OFFICE || !u.scope().coversDivision(code)) {
            throw new ForbiddenException("policy.outOfScope", code);
        }
        Set<Pack> packs = packsFor(code);
        // a jurisdiction-wide finding of a covering jurisdiction (the city's NO_DATA for SH-15) holds for the district too
        boolean stored = asOf == null || asOf.equals(today());
        List<StoredFinding> findings = (stored ? store.findings(true) : findingsAsOf(asOf)).stream().filter(f -> Divisions.covers(code, f.divisionCode())
                || ("JURISDICTION".equals(f.subjectType()) && Divisions.covers(f.divisionCode(), code))).toList();
        String name = snapshots.districtName(code);
        boolean tightGroups = snapshots.allConsortia().stream().anyMatch(c -> NationalCriterion.tightGroup(c)
                && Divisions.covers(code, c.districtCode()));
        return new ComplianceReport("JURISDICTION", code, name, packs, clock.instant(), stored ? today() : asOf,
                report(packs, findings, tightGroups));
    }

    /** {@code tightGroups}: whether the subject has a tight urban group to assess the NAT criteria on. */
    private List<RuleReport> report(Set<Pack> packs, List<StoredFinding> findings, boolean tightGroups) {
        Map<String, List<StoredFinding>> byRule = new LinkedHashMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        List<RuleReport> out = new ArrayList<>();
        for (Rule r : catalogue.rules()) {
            if (!packs.contains(r.pack())) {
                continue;
            }
            List<StoredFinding> fs = byRule.getOrDefault(r.id(), List.of()).stream()
                    .sorted(Comparator.comparing(StoredFinding::resolved).thenComparing(StoredFinding::firstSeen)).toList();
            List<StoredFinding> current = fs.stream().filter(f -> !f.resolved()).toList();
            String status;
            if (current.stream().anyMatch(f -> f.status().equals("OPEN"))) {
                status = r.severity().name().equals("BLOCK") ? "VIOLATED" : "WARNING";
            } else if (current.stream().anyMatch(f -> f.status().equals("OVERRIDDEN"))) {
                status = "OVERRIDDEN";
            } else if (r instanceof NationalCriterion && !tightGroups) {
                // the checklist assesses tight urban groups only: with none there is nothing that passes
                status = "NOT_APPLICABLE";
            } else if (current.stream().anyMatch(f -> f.status().equals("NO_DATA"))
                    || r.coverage() == Coverage.NO_DATA || r.coverage() == Coverage.MANUAL) {
                // a rule the platform cannot check is never shown as passing (符合), findings or not
                status = "NO_DATA";
            } else {
                status = "PASS";
            }
            out.add(new RuleReport(r, title(r.id()), status, fs));
        }
        return out;
    }

    /** Packs applying to a division: those of every jurisdiction covering it (city and district). */
    public Set<Pack> packsFor(String division) {
        Set<Pack> out = EnumSet.noneOf(Pack.class);
        store.packJurisdictions().forEach((pack, js) -> {
            if (js.stream().anyMatch(j -> Divisions.covers(j, division) || Divisions.covers(division, j))) {
                out.add(pack);
            }
        });
        return out;
    }

    // ---- NAT checklist

    /** One criterion of the checklist with platform evidence and the manual evidence recorded. */
    public record ChecklistItem(NationalCriterion criterion, String title, CriterionStatus status, String evidence,
                                List<PolicyStore.ManualEvidenceRow> manual) {
    }

    public record Checklist(UUID consortiumId, String consortiumName, boolean tight, List<ChecklistItem> items) {
    }

    public Checklist checklist(UUID consortiumId) {
        CurrentUser u = readableBy();
        RegistrySnapshot s = snapshots.build();
        ConsortiumView c = s.consortium(new ConsortiumId(consortiumId));
        if (c == null || !mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        List<PolicyStore.ManualEvidenceRow> manual = store.manualEvidence(consortiumId);
        List<ChecklistItem> items = new ArrayList<>();
        for (NationalCriterion n : catalogue.nationalCriteria()) {
            Assessment a = n.assess(s, c);
            List<PolicyStore.ManualEvidenceRow> mine = manual.stream().filter(m -> m.criterion().equals(n.id())).toList();
            CriterionStatus st = a.status() == CriterionStatus.NO_DATA && !mine.isEmpty() ? CriterionStatus.MANUAL : a.status();
            items.add(new ChecklistItem(n, title(n.id()), st, a.evidence(), mine));
        }
        return new Checklist(consortiumId, c.name(), NationalCriterion.tightGroup(c), items);
    }

    public PolicyStore.ManualEvidenceRow recordManualEvidence(UUID consortiumId, String criterion, String text) {
        CurrentUser u = users.require();
        requireRole(u, Role.OFFICE, Role.PLANNER, Role.ADMIN);
        if (criterion == null || catalogue.nationalCriteria().stream().noneMatch(n -> n.id().equals(criterion))) {
            throw new InvalidInputException("criterion", "policy.unknownCriterion", criterion);
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "policy.required");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException("text", "policy.tooLong", 4000);
        }
        ConsortiumView c = snapshots.consortium(new ConsortiumId(consortiumId)).orElseThrow(() -> new NotFoundException("Consortium", consortiumId));
        if (!mayRead(u, c)) {
            throw new NotFoundException("Consortium", consortiumId);
        }
        var row = new PolicyStore.ManualEvidenceRow(UUID.randomUUID(), consortiumId, criterion, text.strip(), u.username(), clock.instant());
        tx.executeWithoutResult(st -> {
            store.insertManualEvidence(row);
            audit.record(org.medunion.audit.AuditAction.CREATE, "PolicyManualEvidence", row.id().toString(), null, criterion);
        });
        return row;
    }

    /** Tight urban medical groups the caller may see in a jurisdiction (the checklist's subjects). */
    public List<ConsortiumView> tightGroups(String jurisdiction) {
        CurrentUser u = readableBy();
        return snapshots.allConsortia().stream().filter(NationalCriterion::tightGroup).filter(c -> mayRead(u, c))
                .filter(c -> jurisdiction == null || Divisions.covers(jurisdiction, c.districtCode())).toList();
    }

    /** The jurisdiction a caller looks at by default: their scope's code, the demo city for admins. */
    public String defaultJurisdiction(CurrentUser u) {
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return u.scope().reference();
        }
        if (u.scope().type() == ScopeType.CONSORTIUM) {
            return snapshots.consortium(new ConsortiumId(u.scope().referenceId())).map(ConsortiumView::districtCode).orElse(null);
        }
        return "310000";
    }

    // ---- packs and parameter overrides

    public List<PolicyStore.PackRow> packs() {
        readableBy();
        return store.packRows();
    }

    public void setPacks(String jurisdiction, List<String> packs) {
        CurrentUser u = users.require();
        requireRole(u, Role.PLANNER, Role.ADMIN);
        if (!Divisions.valid(jurisdiction)) {
            throw new InvalidInputException("jurisdiction", "policy.invalidJurisdiction", jurisdiction);
        }
        if (!u.scope().coversDivision(jurisdiction)) {
            throw new ForbiddenException("policy.outOfScope", jurisdiction);
        }
        if (packs == null) {
            throw new InvalidInputException("packs", "policy.required");
        }
        Set<Pack> chosen = EnumSet.noneOf(Pack.class);
        for (int i = 0; i < packs.size(); i++) {
            try {
                chosen.add(Pack.valueOf(String.valueOf(packs.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("packs[" + i + "]", "policy.unknownPack", packs.get(i));
            }
        }
        tx.executeWithoutResult(st -> {
            store.replacePacks(jurisdiction, chosen, u.username(), clock.instant());
            audit.record(org.medunion.audit.AuditAction.UPDATE, "PolicyPacks", jurisdiction, null, chosen.toString());
        });
        reevaluateSoon();
    }

    public List<PolicyStore.ParameterOverrideRow> parameterOverrides() {
        readableBy();
        return store.parameterOverrides();
    }

    public PolicyStore.ParameterOverrideRow overrideParameter(String jurisdiction, String ruleId, String parameter, String value, String reason) {
        CurrentUser u = users.require();
        requireRole(u, Role.PLANNER, Role.ADMIN);
        if (!Divisions.valid(jurisdiction)) {
            throw new InvalidInputException("jurisdiction", "policy.invalidJurisdiction", jurisdiction);
        }
        if (!u.scope().coversDivision(jurisdiction)) {
            throw new ForbiddenException("policy.outOfScope", jurisdiction);
        }
        Rule rule = catalogue.rule(ruleId == null ? "" : ruleId).orElseThrow(() -> new InvalidInputException("ruleId", "policy.unknownRule", ruleId));
        if (parameter == null || !rule.defaults().containsKey(parameter)) {
            throw new InvalidInputException("parameter", "policy.unknownParameter", parameter, rule.id(), String.join(", ", rule.defaults().keySet()));
        }
        if (!Parameters.acceptable(rule, parameter, value) || value.length() > 400) {
            throw new InvalidInputException("value", "policy.invalidValue", value, rule.defaults().get(parameter));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "policy.reasonRequired");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "policy.tooLong", 2000);
        }
        var row = new PolicyStore.ParameterOverrideRow(UUID.randomUUID(), jurisdiction, rule.id(), parameter, value.strip(), reason.strip(),
                u.username(), clock.instant());
        tx.executeWithoutResult(st -> {
            store.insertParameterOverride(row);
            audit.record(org.medunion.audit.AuditAction.CREATE, "PolicyParameterOverride", row.id().toString(), null,
                    jurisdiction + " " + rule.id() + "." + parameter + "=" + row.value());
        });
        reevaluateSoon();
        return row;
    }

    public List<PolicyStore.OverrideRow> overrides() {
        CurrentUser u = readableBy();
        return store.overrides().stream().filter(o -> u.role() != Role.OFFICE || (o.consortiumId() != null
                && o.consortiumId().toString().equals(u.scope().reference()))).toList();
    }

    // ---- scope

    CurrentUser readableBy() {
        CurrentUser u = users.require();
        requireRole(u, Role.PLANNER, Role.ADMIN, Role.OFFICE);
        return u;
    }

    static void requireRole(CurrentUser u, Role... roles) {
        for (Role r : roles) {
            if (u.role() == r) {
                return;
            }
        }
        throw new ForbiddenException("policy.forbidden", u.role().name());
    }

    boolean visible(CurrentUser u, StoredFinding f) {
        return switch (u.scope().type()) {
            case GLOBAL -> true;
            case JURISDICTION -> u.scope().coversDivision(f.divisionCode());
            case CONSORTIUM -> u.scope().reference() != null && f.concerns(UUID.fromString(u.scope().reference()));
            default -> false;
        };
    }

    boolean mayRead(CurrentUser u, ConsortiumView c) {
        if (u.scope().type() == ScopeType.CONSORTIUM) {
            return c.id().toString().equals(u.scope().reference());
        }
        return u.scope().coversDivision(c.districtCode());
    }

    public boolean mayOverride(CurrentUser u) {
        return u.role() == Role.PLANNER || u.role() == Role.ADMIN;
    }

    public CurrentUser caller() {
        return users.require();
    }
}
