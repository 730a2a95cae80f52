package org.medunion.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationLiveSessions;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.RecordLiveSession;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a live consultation's held sessions and their participants (decision 0255, TM-6). */
@RestController
@Tag(name = "Consultation")
class ConsultationLiveSessionController {

    private final ConsultationLiveSessions sessions;

    ConsultationLiveSessionController(ConsultationLiveSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/consultations/{id}/sessions")
    @Operation(summary = "Record a held live session (remote, inter-hospital, MDT) with the practitioners present of both "
            + "sides; the inviting side's physicians count for TM-6. Either side, once the session started")
    ConsultationView record(@PathVariable UUID id, @RequestBody RecordLiveSession body) {
        return sessions.recordSession(new ConsultationId(id), body);
    }
}
