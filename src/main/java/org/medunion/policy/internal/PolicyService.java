package org.medunion.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.Texts;
import org.medunion.registry.ConsortiumView;
import org.springframework.stereotype.Service;

/**
 * The policy module's application facade for its controllers: evaluation, findings, compliance reports, the NAT
 * checklist, pack choices and overrides — each in its own service, each scoped to the caller (planner: jurisdiction;
 * office: own consortium; admin: all). This class only routes.
 */
@Service
public class PolicyService {

    private final RuleCatalogue catalogue;
    private final PolicyEvaluation evaluation;
    private final FindingQueries findings;
    private final ComplianceReports reports;
    private final NationalChecklist checklist;
    private final PolicyOverrides overrides;
    private final PolicyScope scope;
    private final PolicyMessages messages;
    private final DispatchReports dispatchReports;
    private final FindingLinks links;

    PolicyService(RuleCatalogue catalogue, PolicyEvaluation evaluation, FindingQueries findings, ComplianceReports reports,
                  NationalChecklist checklist, PolicyOverrides overrides, PolicyScope scope, PolicyMessages messages,
                  DispatchReports dispatchReports, FindingLinks links) {
        this.links = links;
        this.dispatchReports = dispatchReports;
        this.catalogue = catalogue;
        this.evaluation = evaluation;
        this.findings = findings;
        this.reports = reports;
        this.checklist = checklist;
        this.overrides = overrides;
        this.scope = scope;
        this.messages = messages;
    }

    // ---- evaluation

    /** Evaluates every pack over the whole registry and upserts the findings (planner/admin, or the system). */
    public EvaluationResult evaluateNow() {
        return evaluation.evaluateNow(null);
    }

    /** As {@link #evaluateNow()}, recording who asked and why in the audit trail. */
    public EvaluationResult evaluateNow(@Nullable String reason) {
        return evaluation.evaluateNow(reason);
    }

    // ---- reads

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    public String message(StoredFinding f) {
        return messages.message(f);
    }

    /** SH-12: the long-term dispatched managers and experts of a trusteeship with their qualifications, on a day (default today). */
    public DispatchReports.DispatchReport dispatchReport(UUID consortiumId, LocalDate asOf) {
        return dispatchReports.report(consortiumId, asOf);
    }

    /** Console links of the objects findings name, by object reference (consortium, institution, person's institution). */
    public Map<String, FindingLinks.Link> links() {
        return links.all();
    }

    /** The finding's evidence in the reader's language (coded values as labels). */
    public String evidence(StoredFinding f) {
        return String.valueOf(messages.render(f.evidence()));
    }

    /** Any coded policy text (override evidence, checklist evidence) in the reader's language. */
    public String text(String coded) {
        return coded == null ? "" : String.valueOf(messages.render(coded));
    }

    /** The coded values and words a finding's message and evidence name ({@code enum.ConsortiumForm.REGIONAL}, …). */
    public List<String> codes(StoredFinding f) {
        List<String> codes = new ArrayList<>();
        f.args().forEach(a -> codes.addAll(Texts.keys(a)));
        codes.addAll(Texts.keys(f.evidence()));
        return codes.stream().distinct().toList();
    }

    public String title(String ruleId) {
        return messages.title(ruleId);
    }

    /** Findings the caller may see, filtered; status OPEN / OVERRIDDEN / NO_DATA / RESOLVED / ALL (default: not resolved). */
    public List<StoredFinding> findings(@Nullable UUID consortium, @Nullable String ruleId, @Nullable String status) {
        return findings.findings(consortium, ruleId, status);
    }

    /** The reason of the newest planner override per finding key. */
    public Map<String, String> overrideReasons() {
        return findings.overrideReasons();
    }

    /**
     * Re-evaluates for a consortium the caller may read (office: its own; planner: its jurisdiction; admin) and returns
     * the consortium's report with the fresh findings; outside the caller's scope 404 and nothing evaluated.
     */
    public ComplianceReport reevaluateConsortium(UUID consortiumId) {
        ComplianceReport before = reports.consortiumReport(consortiumId, null);
        evaluation.evaluateInScope("consortium " + before.subjectName() + " (" + consortiumId + ")");
        return reports.consortiumReport(consortiumId, null);
    }

    public ComplianceReport consortiumReport(UUID consortiumId) {
        return reports.consortiumReport(consortiumId, null);
    }

    /** {@code asOf}: null or today → the stored findings; another day → evaluated for that day. */
    public ComplianceReport consortiumReport(UUID consortiumId, @Nullable LocalDate asOf) {
        return reports.consortiumReport(consortiumId, asOf);
    }

    public ComplianceReport jurisdictionReport(@Nullable String code) {
        return reports.jurisdictionReport(code, null);
    }

    public ComplianceReport jurisdictionReport(@Nullable String code, @Nullable LocalDate asOf) {
        return reports.jurisdictionReport(code, asOf);
    }

    // ---- NAT checklist

    public Checklist checklist(UUID consortiumId) {
        return checklist.checklist(consortiumId);
    }

    public PolicyStore.ManualEvidenceRow recordManualEvidence(UUID consortiumId, String criterion, String text) {
        return checklist.recordManualEvidence(consortiumId, criterion, text);
    }

    /** Tight urban medical groups the caller may see in a jurisdiction (the checklist's subjects). */
    public List<ConsortiumView> tightGroups(@Nullable String jurisdiction) {
        return checklist.tightGroups(jurisdiction);
    }

    // ---- packs and overrides

    public List<PolicyStore.PackRow> packs() {
        return overrides.packs();
    }

    public void setPacks(String jurisdiction, @Nullable List<String> packs) {
        overrides.setPacks(jurisdiction, packs);
    }

    public List<PolicyStore.ParameterOverrideRow> parameterOverrides() {
        return overrides.parameterOverrides();
    }

    public PolicyStore.ParameterOverrideRow overrideParameter(String jurisdiction, @Nullable String ruleId, @Nullable String parameter,
                                                              String value, @Nullable String reason) {
        return overrides.overrideParameter(jurisdiction, ruleId, parameter, value, reason);
    }

    public List<PolicyStore.OverrideRow> overrides() {
        return overrides.overrides();
    }

    // ---- scope

    /** The jurisdiction a caller looks at by default: their scope's code, the demo city for admins. */
    public @Nullable String defaultJurisdiction(CurrentUser u) {
        return scope.defaultJurisdiction(u);
    }

    public boolean mayOverride(CurrentUser u) {
        return scope.mayOverride(u);
    }

    public CurrentUser caller() {
        return scope.caller();
    }
}
