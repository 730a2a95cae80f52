package org.medunion.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medunion.referral.FollowUpView;
import org.medunion.referral.MarkFollowUpDone;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Follow-up tasks of downward referrals (随访任务): the receiving institution's open list and marking one done. */
@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referral follow-ups", description = "随访任务 of downward referrals: open list (overdue first), mark done once")
class FollowUpController {

    private final ReferralManagement referrals;

    FollowUpController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "Open follow-up tasks of my institution's received downward referrals, earliest due first (audited)")
    List<FollowUpView> open(@RequestParam(defaultValue = "200") int limit) {
        return referrals.openFollowUps(limit);
    }

    @PostMapping("/{id}/follow-ups/{taskId}/done")
    @Operation(summary = "Mark a follow-up task done with an optional note; a second time is 409 REFERRAL-0031")
    FollowUpView done(@PathVariable UUID id, @PathVariable UUID taskId,
                      @RequestBody(required = false) MarkFollowUpDone body) {
        return referrals.markFollowUpDone(new ReferralId(id), taskId, body);
    }
}
