package org.medunion.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationFee;
import org.medunion.consultation.ConsultationFees;
import org.medunion.consultation.SetConsultationFee;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the consortium office's consultation price list (TM-13), per registry agreement and type. */
@RestController
@RequestMapping("/api/consultation-fees")
@Tag(name = "Consultation", description = "TM-13 consultation fees per agreement and consultation type")
class ConsultationFeeController {

    private final ConsultationFees fees;

    ConsultationFeeController(ConsultationFees fees) {
        this.fees = fees;
    }

    @GetMapping
    @Operation(summary = "The fees of one agreement of the office's consortium (office only)")
    List<ConsultationFee> list(@RequestParam(required = false) @Nullable UUID agreementId) {
        return fees.fees(agreementId);
    }

    @PutMapping
    @Operation(summary = "Set the fee of one consultation type under one agreement (0 = free; office only)")
    ConsultationFee set(@RequestBody(required = false) @Nullable SetConsultationFee body) {
        return fees.setFee(body == null ? new SetConsultationFee(null, null, null, null) : body);
    }
}
