package org.medunion.diagnostics.backfill;

import java.time.Instant;
import java.util.UUID;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.EscalationRun;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.ReportId;

/**
 * The diagnostics commands as the system runs them for the demo city or an import: each names who acted (and, for
 * decisions and orders, when) instead of taking the logged-in caller and the clock, so that a year of activity is
 * written with its own timestamps and counts in the months it happened (decision 0239). Reference data is kept as an administrator
 * {@code actor}; reports are recorded by a staff member of the performing institution, decisions and orders by a
 * general practitioner of the ordering institution, the order's steps by staff of the centre's institution — so the
 * input checks, the care-relationship rules, the recognition rules and the audit are those of
 * {@link DiagnosticsManagement}. Refused to any logged-in caller. Returns ids and states only.
 */
public interface DiagnosticsBackfill {

    /** Whether any shared centre is registered (the demo city seeds diagnostics only into a database without one). */
    boolean anyCentre();

    void defineItem(DefineItem command, String actor);

    void publishList(PublishList command, String actor);

    CentreId registerCentre(RegisterCentre command, String actor);

    void recordQc(RecordQc command, String actor);

    /** Records a report performed by {@code performerInstitutionId}, as its staff member {@code actor}. */
    ReportId recordReport(RecordReport command, UUID performerInstitutionId, String actor);

    /** Records a recognition or a re-examination at {@code orderingInstitutionId}, as its clinician {@code actor}, now. */
    void decide(RecordDecision command, UUID orderingInstitutionId, String actor);

    /**
     * As {@link #decide(RecordDecision, UUID, String)}, decided at {@code at}: the offer is judged on the command's
     * {@code asOf}, by default the local day of {@code at}; a re-examination passing over an offered result prepares the
     * patient explanation (NAT-R-8) at {@code at} too. Returns the decision's ID.
     */
    UUID decide(RecordDecision command, UUID orderingInstitutionId, String actor, Instant at);

    /**
     * Records the patient explanation of the decision as given at {@code at} by its clinician {@code actor} (NAT-R-8);
     * false, and nothing written, when the decision owed none.
     */
    boolean explain(UUID decision, RecordExplanation how, String actor, Instant at);

    /** Places an order at {@code at} from {@code orderingInstitutionId}, as its general practitioner {@code actor}. */
    OrderId placeOrder(PlaceOrder command, UUID orderingInstitutionId, String actor, Instant at);

    /**
     * Order entry with a re-examination (NAT-R-5): records the decision and places the order at {@code at}, the decision
     * (decided at {@code at}) naming the order, as the clinician {@code actor} of {@code orderingInstitutionId}.
     */
    OrderId reexamineAndOrder(RecordDecision decision, PlaceOrder order, UUID orderingInstitutionId, String actor, Instant at);

    /** Receives the order at {@code at} as a staff member of the centre's institution. */
    OrderStatus receive(OrderId id, String actor, Instant at);

    OrderStatus start(OrderId id, String actor, Instant at);

    OrderStatus report(OrderId id, RecordReport report, String actor, Instant at);

    OrderStatus cancel(OrderId id, String actor, Instant at);

    /** The centre sends the order back for specimen/image quality at {@code at} (SC-3). */
    OrderStatus reject(OrderId id, RejectOrder reason, String actor, Instant at);

    /** The ordering clinician {@code actor} acknowledges the order's critical result at {@code at} (SC-5). */
    OrderStatus acknowledgeCritical(OrderId id, String actor, Instant at);

    /**
     * The deadline job as it ran at {@code at}: every order then open past its due time, and every critical result then
     * unacknowledged past its acknowledgement time, is marked escalated (SC-2, SC-5).
     */
    EscalationRun escalate(Instant at);

    // the sterilisation centre (SC-7), as a centre staff member {@code actor} of the institution running the centre

    UUID definePackType(DefinePackType command, String actor);

    UUID recordBatch(CentreId centre, RecordBatch command, String actor);

    void recordIndicator(UUID batchId, RecordIndicator command, String actor);

    /** Issues packs at {@code at} (expiry judged on that day). */
    void issue(MovePacks command, String actor, Instant at);

    void returnPacks(MovePacks command, String actor, Instant at);
}
