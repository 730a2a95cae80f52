package org.medunion.diagnostics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreBoard;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreOverview;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.EscalationRun;
import org.medunion.diagnostics.ExamSlotOffer;
import org.medunion.diagnostics.ExplanationView;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ImportJobView;
import org.medunion.diagnostics.ImportReport;
import org.medunion.diagnostics.ImportedReport;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.MapCode;
import org.medunion.diagnostics.OrderEntry;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderPage;
import org.medunion.diagnostics.OrderSearch;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.RecognitionOffer;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportView;
import org.medunion.diagnostics.ResultImport;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facade: each call one transaction, the work done by the activity classes. */
@Service
@Transactional
class DiagnosticsService implements DiagnosticsManagement {

    private final ReferenceData reference;
    private final Results results;
    private final RecognitionDesk recognition;
    private final Orders orders;
    private final CentreDashboard dashboard;
    private final CentreBoards boards;
    private final PatientExplanations explanations;
    private final ReportImports imports;
    private final ResultTables tables;
    private final ImportJobs jobs;

    @SuppressWarnings("checkstyle:ParameterNumber") // the facade over each activity class of the module
    DiagnosticsService(ReferenceData reference, Results results, RecognitionDesk recognition, Orders orders,
                       CentreDashboard dashboard, CentreBoards boards, PatientExplanations explanations, ReportImports imports,
                       ResultTables tables, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
        this.tables = tables;
        this.reference = reference;
        this.results = results;
        this.recognition = recognition;
        this.orders = orders;
        this.dashboard = dashboard;
        this.boards = boards;
        this.explanations = explanations;
    }

    @Override
    public ItemView defineItem(DefineItem command) {
        return reference.defineItem(command);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemView> items() {
        return reference.items();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ItemView> item(String code) {
        return reference.find(code);
    }

    @Override
    public ItemList publishList(PublishList command) {
        return reference.publishList(command);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemList> lists(String jurisdiction) {
        return reference.lists(jurisdiction);
    }

    @Override
    public void mapCode(MapCode command) {
        reference.mapCode(command);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> catalogueCode(UUID institutionId, String memberCode) {
        return reference.catalogueCode(institutionId, memberCode);
    }

    @Override
    public CentreView registerCentre(RegisterCentre command) {
        return reference.registerCentre(command);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CentreView> centres(@Nullable UUID consortiumId) {
        return reference.centres(consortiumId);
    }

    @Override
    @Transactional(readOnly = true)
    public CentreView centre(CentreId id) {
        return reference.centre(id.value());
    }

    @Override
    public QcView recordQc(RecordQc command) {
        return reference.recordQc(command);
    }

    @Override
    @Transactional(readOnly = true)
    public List<QcView> qualityControl(UUID institutionId) {
        return reference.qualityControl(institutionId);
    }

    @Override
    @Transactional(readOnly = true)
    public QcView qcRecord(UUID id) {
        return reference.qcRecord(id);
    }

    @Override
    public ReportView recordReport(RecordReport command) {
        return results.record(command);
    }

    @Override
    public ReportView report(ReportId id) {
        return results.report(id);
    }

    @Override
    public List<ReportView> reportsOf(UUID residentId) {
        return results.ofResident(residentId);
    }

    @Override
    public List<ImportedReport> importReports(List<ImportReport> reports) {
        return imports.importAll(reports);
    }

    @Override
    public ResultImport importResults(@Nullable UUID performerInstitutionId, List<List<String>> table) {
        return tables.importTable(performerInstitutionId, table);
    }

    @Override
    public ImportJobView startImport(@Nullable UUID performerInstitutionId, @Nullable String fileName, List<List<String>> table) {
        return jobs.start(performerInstitutionId, fileName, table);
    }

    @Override
    @Transactional(readOnly = true)
    public ImportJobView importJob(ImportJobId id) {
        return jobs.job(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportJobView> recentImports() {
        return jobs.recent();
    }

    @Override
    public RecognitionOffer findRecognisable(UUID residentId, String itemCode, @Nullable UUID orderingInstitutionId,
                                             @Nullable LocalDate asOf) {
        return recognition.find(residentId, itemCode, orderingInstitutionId, asOf);
    }

    @Override
    public DecisionView decide(RecordDecision command) {
        return recognition.decide(command);
    }

    @Override
    public DecisionView decision(UUID id) {
        return recognition.decision(id);
    }

    @Override
    public List<DecisionView> decisionsOf(UUID residentId) {
        return recognition.decisionsOf(residentId);
    }

    @Override
    public ExplanationView explanation(UUID decisionId) {
        return explanations.get(decisionId);
    }

    @Override
    public ExplanationView recordExplanationGiven(UUID decisionId, RecordExplanation command) {
        return explanations.given(decisionId, command);
    }

    @Override
    public List<ExplanationView> pendingExplanations(int limit) {
        return explanations.pending(limit);
    }

    @Override
    public List<ExplanationView> explanationsOf(UUID residentId) {
        return explanations.ofResident(residentId);
    }

    @Override
    public OrderEntry enterOrder(@Nullable RecordDecision decision, @Nullable PlaceOrder order) {
        if (decision == null && order != null && recognition.decisionDue(order.residentId(), order.itemCode())) {
            throw new InvalidInputException("reasonCode", DiagnosticsError.REASON_REQUIRED);
        }
        DecisionView decided = decision == null ? null : recognition.decide(decision);
        if (decided != null && decided.outcome() == DecisionOutcome.RECOGNISED) {
            return new OrderEntry(decided, null);
        }
        OrderView placed = orders.place(Required.of(order, "centreId"));
        return new OrderEntry(decided == null ? null : recognition.linkOrder(decided, placed.id().value()), placed);
    }

    @Override
    public OrderView placeOrder(PlaceOrder command) {
        return orders.place(command);
    }

    @Override
    public ExamSlotOffer examSlots(@Nullable UUID centreId, @Nullable UUID residentId, @Nullable String itemCode) {
        return orders.examSlots(centreId, residentId, itemCode);
    }

    @Override
    public OrderView receive(OrderId id) {
        return orders.receive(id);
    }

    @Override
    public OrderView start(OrderId id) {
        return orders.start(id);
    }

    @Override
    public OrderView report(OrderId id, RecordReport report) {
        return orders.report(id, report);
    }

    @Override
    public OrderView cancel(OrderId id) {
        return orders.cancel(id);
    }

    @Override
    public OrderView reject(OrderId id, RejectOrder body) {
        return orders.reject(id, body);
    }

    @Override
    public OrderView acknowledgeCritical(OrderId id) {
        return orders.acknowledge(id);
    }

    @Override
    public OrderView order(OrderId id) {
        return orders.get(id);
    }

    @Override
    public List<OrderView> orders(@Nullable OrderStatus status, int limit) {
        return orders.list(status, limit);
    }

    @Override
    public OrderPage searchOrders(OrderSearch search) {
        return orders.search(search);
    }

    @Override
    public List<OrderView> openOrders(int limit) {
        return orders.open(limit);
    }

    @Override
    public List<OrderView> unacknowledgedCritical(int limit) {
        return orders.unacknowledgedCritical(limit);
    }

    @Override
    public EscalationRun escalateOverdue(Instant now) {
        return orders.escalate(now);
    }

    @Override
    @Transactional(readOnly = true)
    public CentreOverview overview(@Nullable UUID consortiumId) {
        return dashboard.overview(consortiumId);
    }

    @Override
    public List<ConsortiumView> boardConsortia() {
        return boards.choices();
    }

    @Override
    public CentreBoard centreBoard(UUID consortiumId, YearMonth month) {
        return boards.board(consortiumId, month);
    }
}
