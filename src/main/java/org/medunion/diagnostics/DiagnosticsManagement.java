package org.medunion.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumView;

/**
 * The diagnostics module's facade. Catalogue, lists, centres and QC are reference data; reports, offers, decisions
 * and orders are personal data — visible only with a care relationship to the resident (residents module) and
 * audited with the resident as subject; every change is one transaction.
 */
public interface DiagnosticsManagement {

    // catalogue and lists

    ItemView defineItem(DefineItem command);

    List<ItemView> items();

    Optional<ItemView> item(String code);

    ItemList publishList(PublishList command);

    /** Every version of a jurisdiction's list, newest first. */
    List<ItemList> lists(String jurisdiction);

    void mapCode(MapCode command);

    /** The catalogue code of a member's own code, if mapped. */
    Optional<String> catalogueCode(UUID institutionId, String memberCode);

    // centres and QC

    CentreView registerCentre(RegisterCentre command);

    /** Centres of a consortium, or all when null. */
    List<CentreView> centres(@Nullable UUID consortiumId);

    CentreView centre(CentreId id);

    QcView recordQc(RecordQc command);

    List<QcView> qualityControl(UUID institutionId);

    /** One QC record (reference data, no personal data); unknown is {@code NotFoundException}. */
    QcView qcRecord(UUID id);

    // results

    ReportView recordReport(RecordReport command);

    ReportView report(ReportId id);

    /** The resident's reports visible to the caller, newest first. */
    List<ReportView> reportsOf(UUID residentId);

    // result import: member HIS/LIS/PACS send their reports in (decision 0231)

    /**
     * Reports sent by their performing institution (the caller's; an administrator names it), all or nothing: each for
     * a resident the performer has a care relationship with, its item a catalogue code or the performer's own code
     * mapped to one. A report whose identifier the performer already used is returned as recorded, not written again.
     * An error names {@code reports[i].<field>}; nothing is written when any report is refused.
     */
    List<ImportedReport> importReports(List<ImportReport> reports);

    /**
     * Lab values from a file (a table, header first, {@link ResultImport#COLUMNS}), performed by the caller's
     * institution (an administrator names it): the reports without a rejected row are written, the rest reported.
     */
    ResultImport importResults(@Nullable UUID performerInstitutionId, List<List<String>> table);

    /**
     * A large file (more than {@link ResultImport#JOB_ROWS} rows) as an import job (decision 0238): the performer and the
     * file's structure are checked now (a missing column or too many rows is a 400 naming it, nothing stored), the rows
     * are imported in the background as {@link #importResults} would.
     */
    ImportJobView startImport(@Nullable UUID performerInstitutionId, @Nullable String fileName, List<List<String>> table);

    /** An import job, for the performing institution's staff, its uploader and administrators (others: 404). */
    ImportJobView importJob(ImportJobId id);

    /** The newest import jobs of the caller's institution (without their rejected rows). */
    List<ImportJobView> recentImports();

    // recognition at order entry

    /**
     * The earlier results of the item for the resident with the verdict on each (NAT-R-1..4, 9, 10, 12). The ordering
     * institution is the caller's when null.
     */
    RecognitionOffer findRecognisable(UUID residentId, String itemCode, @Nullable UUID orderingInstitutionId,
                                      @Nullable LocalDate asOf);

    /** Records a recognition (of an offered result) or a re-examination with its reason (NAT-R-5, 6). */
    DecisionView decide(RecordDecision command);

    List<DecisionView> decisionsOf(UUID residentId);

    /** One decision, with a care relationship to its resident (else {@code NotFoundException}, as for an unknown id). */
    DecisionView decision(UUID id);

    // the patient explanation when a result is not recognised (NAT-R-8)

    /** The explanation prepared for a re-examination decision; 404 without a care relationship or explanation. */
    ExplanationView explanation(UUID decisionId);

    /** Records that the ordering clinician gave the explanation (once: a second record is 409). */
    ExplanationView recordExplanationGiven(UUID decisionId, RecordExplanation command);

    /** The caller's explanations not yet given, oldest first: the clinician's to-do. */
    List<ExplanationView> pendingExplanations(int limit);

    /** The resident's explanations visible to the caller, newest first (empty without a care relationship). */
    List<ExplanationView> explanationsOf(UUID residentId);

    // orders to a centre

    /**
     * Order entry as one transaction: records the clinician's decision (if given) and, unless it recognised an earlier
     * result, places the order. Without a decision while a result is offered, the reason is required (NAT-R-5); a
     * re-examination is never refused for its own sake (NAT-R-6). Nothing is written when any part is refused.
     */
    OrderEntry enterOrder(@Nullable RecordDecision decision, @Nullable PlaceOrder order);

    /**
     * Places an order; with {@code examSlot} (imaging only) it books an exam slot of the institution running the centre in
     * the same transaction, as the caller books by the scheduling rules (SC-4 reserved share, SC-6 priority): a refused
     * booking leaves no order (409 or 400 naming {@code examSlot}), a refused order no booking.
     */
    OrderView placeOrder(PlaceOrder command);

    /**
     * The free exam slots an imaging order at the centre may book for the resident, as the caller would book them: the
     * reserved share first where it is open to the caller, then the public pool (SC-4), and whether 优先检查 applies (SC-6).
     */
    ExamSlotOffer examSlots(@Nullable UUID centreId, @Nullable UUID residentId, @Nullable String itemCode);

    OrderView receive(OrderId id);

    OrderView start(OrderId id);

    OrderView report(OrderId id, RecordReport report);

    /** Cancels an order before it is reported; an exam slot it booked goes back to its pool. */
    OrderView cancel(OrderId id);

    /**
     * The centre sends a received order back for specimen/image quality, with a coded reason (SC-3); terminal. An exam slot
     * the order booked goes back to its pool.
     */
    OrderView reject(OrderId id, RejectOrder body);

    /** The ordering clinician acknowledges a critical result (SC-5). */
    OrderView acknowledgeCritical(OrderId id);

    OrderView order(OrderId id);

    /** Orders visible to the caller: the centre's work list for centre staff, the sent orders for members. */
    List<OrderView> orders(@Nullable OrderStatus status, int limit);

    /** A page of the orders visible to the caller, filtered and counted in SQL; each order returned is audited. */
    OrderPage searchOrders(OrderSearch search);

    /** The caller's orders still to do (ordered, received, in progress), earliest due first: the work list. */
    List<OrderView> openOrders(int limit);

    /** The caller's reported critical results not yet acknowledged, earliest due first. */
    List<OrderView> unacknowledgedCritical(int limit);

    /** Deadline job: escalates overdue orders (SC-2) and unacknowledged critical results (SC-5). Idempotent. */
    EscalationRun escalateOverdue(Instant now);

    /** Turnaround, recognition rate and reasons, avoided cost for the caller's consortium (office) or all (admin). */
    CentreOverview overview(@Nullable UUID consortiumId);

    /** The consortia with shared centres whose dashboard the caller may open: the office its own, a planner its jurisdiction's. */
    List<ConsortiumView> boardConsortia();

    /** The centre dashboard of a consortium for a month (counts only); 403 outside the caller's reach. */
    CentreBoard centreBoard(UUID consortiumId, YearMonth month);
}
