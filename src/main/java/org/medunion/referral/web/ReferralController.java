package org.medunion.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatistics;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.TransitionView;
import org.medunion.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the referral workflow (product.md §5). Errors are problem details with stable codes. */
@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referral", description = "Two-way referral (双向转诊): create, submit, accept with booking, reject, redirect, arrive, complete")
class ReferralController {

    private final ReferralManagement referrals;

    ReferralController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    @Operation(summary = "Create a referral as a draft, or submit it at once with \"submit\": true; Idempotency-Key makes retries safe")
    ResponseEntity<ReferralView> create(@RequestBody CreateReferral body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(referrals.create(body));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft (needs a criterion met or a noCriteriaReason)")
    ReferralView submit(@PathVariable UUID id) {
        return referrals.submit(new ReferralId(id));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept, booking a slot or bed for the resident (priority for contracted residents, SH-15 / CQ-6)")
    ReferralView accept(@PathVariable UUID id, @RequestBody AcceptReferral body) {
        return referrals.accept(new ReferralId(id), body);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject with a coded reason")
    ReferralView reject(@PathVariable UUID id, @RequestBody RejectReferral body) {
        return referrals.reject(new ReferralId(id), body);
    }

    @PostMapping("/{id}/redirect")
    @Operation(summary = "Redirect to another institution, where it is submitted afresh")
    ReferralView redirect(@PathVariable UUID id, @RequestBody RedirectReferral body) {
        return referrals.redirect(new ReferralId(id), body);
    }

    @PostMapping("/{id}/arrive")
    @Operation(summary = "Record the resident's arrival")
    ReferralView arrive(@PathVariable UUID id) {
        return referrals.arrive(new ReferralId(id));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete, returning the visit or discharge summary to the referrer (closed loop)")
    ReferralView complete(@PathVariable UUID id, @RequestBody CompleteReferral body) {
        return referrals.complete(new ReferralId(id), body);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel (sending side)")
    ReferralView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelBody body) {
        return referrals.cancel(new ReferralId(id), body == null ? null : body.reason());
    }

    record CancelBody(String reason) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral (audited)")
    ReferralView get(@PathVariable UUID id) {
        return referrals.get(new ReferralId(id));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Every transition with who and when (audited)")
    List<TransitionView> timeline(@PathVariable UUID id) {
        return referrals.timeline(new ReferralId(id));
    }

    @GetMapping
    @Operation(summary = "Outbox, inbox or the referral desk's queue (overdue first); optionally one status, or one resident's referrals")
    List<ReferralView> list(@RequestParam(defaultValue = "OUTBOX") String box,
                            @RequestParam(required = false) ReferralStatus status,
                            @RequestParam(required = false) UUID resident,
                            @RequestParam(defaultValue = "100") int limit) {
        if (resident != null) {
            return referrals.ofResident(resident);
        }
        ReferralBox b;
        try {
            b = ReferralBox.valueOf(box.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("box", "request.unknownValue", box, "outbox, inbox, desk");
        }
        return referrals.list(b, status, limit);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Aggregates for planners and the office: I-2, I-3, I-13 (no personal data)")
    ReferralStatistics statistics(@RequestParam(required = false) @Nullable UUID consortium) {
        return referrals.statistics(consortium);
    }

    @GetMapping("/suggest-destinations")
    @Operation(summary = "Suggested destinations: contract hospitals first (SH-15), zone backing hospital (CN-3), hospice centres (CN-4)")
    List<DestinationSuggestion> suggest(@RequestParam UUID resident, @RequestParam ReferralDirection direction,
                                        @RequestParam(required = false) String department,
                                        @RequestParam(required = false) UUID from,
                                        @RequestParam(required = false) DestinationType destinationType) {
        return referrals.suggestDestinations(resident, direction, department, from, destinationType);
    }
}
