package org.medunion.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referral criteria (转诊标准), maintained by the consortium office; doctors read the ones that fit. */
@RestController
@RequestMapping("/api/referrals/criteria")
@Tag(name = "Referral criteria", description = "转诊标准 per consortium, department and ICD-10 prefix, up and down")
class CriteriaController {

    private final ReferralManagement referrals;

    CriteriaController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "Criteria of a consortium; with diagnosis (and department) only those that fit")
    List<CriterionView> list(@RequestParam UUID consortium, @RequestParam(required = false) ReferralDirection direction,
                             @RequestParam(required = false) String department,
                             @RequestParam(required = false) String diagnosis) {
        if (diagnosis != null && direction != null) {
            return referrals.matchingCriteria(consortium, direction, department, diagnosis);
        }
        return referrals.criteria(consortium, direction);
    }

    @PostMapping
    @Operation(summary = "Define a criterion (consortium office)")
    ResponseEntity<CriterionView> define(@RequestBody DefineCriterion body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(referrals.defineCriterion(body));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a criterion; version-aware (?version=)")
    CriterionView update(@PathVariable UUID id, @RequestParam long version, @RequestBody DefineCriterion body) {
        return referrals.updateCriterion(id, version, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire a criterion (kept for the referrals that cite it)")
    ResponseEntity<Void> retire(@PathVariable UUID id) {
        referrals.retireCriterion(id);
        return ResponseEntity.noContent().build();
    }
}
