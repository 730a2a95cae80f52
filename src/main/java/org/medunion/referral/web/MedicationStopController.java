package org.medunion.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.ReferralId;
import org.medunion.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** RX-16, I-30: the receiving institution documents that the regimen a downward referral sent down stops (停药). */
@RestController
@RequestMapping("/api/referrals/{id}/medication-stop")
@Tag(name = "Referral medication stop", description = "停药 documented instead of an extended prescription (RX-16, I-30)")
class MedicationStopController {

    private final MedicationStops stops;

    MedicationStopController(MedicationStops stops) {
        this.stops = stops;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Document a stop with a coded reason (note required with OTHER); once per referral, a second time is 409")
    MedicationStops.Recorded stop(@PathVariable UUID id, @RequestBody(required = false) MedicationStops.Stop body) {
        return stops.stop(new ReferralId(id), body == null ? new MedicationStops.Stop(null, null) : body);
    }

    @GetMapping
    @Operation(summary = "The documented stop of a referral I may see; 404 when none is documented")
    MedicationStops.Recorded get(@PathVariable UUID id) {
        return stops.stopOf(new ReferralId(id)).orElseThrow(() -> new NotFoundException("MedicationStop", id));
    }
}
