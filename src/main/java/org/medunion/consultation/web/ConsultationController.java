package org.medunion.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationBox;
import org.medunion.consultation.ConsultationDestination;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationStepView;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ConvertToReferral;
import org.medunion.consultation.MessageView;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.RequestConsultation;
import org.medunion.shared.Inputs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of consultations (远程会诊 / 院际会诊, rule pack TM). Errors are problem details with stable codes. */
@RestController
@RequestMapping("/api/consultations")
@Tag(name = "Consultation", description = "Remote and inter-hospital consultation: request, accept, decline, ask, answer, "
        + "session, opinion, acknowledge, close, conversation, conversion into a referral")
class ConsultationController {

    private final ConsultationManagement consultations;

    ConsultationController(ConsultationManagement consultations) {
        this.consultations = consultations;
    }

    @PostMapping
    @Operation(summary = "Request a consultation (TM-1 agreement, TM-2 consent, TM-3 content, TM-5 named expert: 422 when broken)")
    ResponseEntity<ConsultationView> request(@RequestBody RequestConsultation body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consultations.request(body));
    }

    @GetMapping
    @Operation(summary = "The caller's requests (mine), work list (to_me, earliest deadline first) or the office's overdue queue")
    List<ConsultationView> list(@RequestParam(defaultValue = "MINE") String box, @RequestParam(defaultValue = "100") int limit) {
        return consultations.list(Inputs.enumValue(box, ConsultationBox.class, "box"), limit);
    }

    @GetMapping("/destinations")
    @Operation(summary = "Where a consultation for the resident should go, best first: the nursing home's zone backing "
            + "hospital (TM-15), the contract hospitals (SH-15), the consortium; each with whether a TM-1 agreement is in force")
    List<ConsultationDestination> destinations(@RequestParam UUID residentId) {
        return consultations.destinations(residentId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One consultation (audited)")
    ConsultationView get(@PathVariable UUID id) {
        return consultations.get(new ConsultationId(id));
    }

    @GetMapping("/{id}/steps")
    @Operation(summary = "Every step with who and when (audited)")
    List<ConsultationStepView> steps(@PathVariable UUID id) {
        return consultations.steps(new ConsultationId(id));
    }

    @GetMapping("/{id}/actions")
    @Operation(summary = "The actions the caller may take now")
    Set<ConsultationAction> actions(@PathVariable UUID id) {
        return consultations.allowedActions(new ConsultationId(id));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept with a time or session and the answering physician (TM-5)")
    ConsultationView accept(@PathVariable UUID id, @RequestBody(required = false) @Nullable AcceptConsultation body) {
        return consultations.accept(new ConsultationId(id), body == null ? new AcceptConsultation(null, null, null) : body);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline with a reason (TM-4)")
    ConsultationView decline(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return consultations.decline(new ConsultationId(id), note(body));
    }

    @PostMapping("/{id}/ask-info")
    @Operation(summary = "Ask the inviting side for more information")
    ConsultationView askInfo(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return consultations.askInformation(new ConsultationId(id), note(body));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer the question: back to the invited side with a fresh deadline")
    ConsultationView answer(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return consultations.answer(new ConsultationId(id), note(body));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start the session")
    ConsultationView start(@PathVariable UUID id) {
        return consultations.start(new ConsultationId(id));
    }

    @PostMapping("/{id}/opinion")
    @Operation(summary = "Draft (or revise) the opinion")
    ConsultationView draft(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return consultations.draftOpinion(new ConsultationId(id), note(body));
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "Sign the opinion (TM-7)")
    ConsultationView sign(@PathVariable UUID id) {
        return consultations.signOpinion(new ConsultationId(id));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "The inviting side acknowledges the signed opinion (it keeps the treatment decision, TM-7)")
    ConsultationView acknowledge(@PathVariable UUID id) {
        return consultations.acknowledge(new ConsultationId(id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close (TM-7: needs the signed opinion and the acknowledgement)")
    ConsultationView close(@PathVariable UUID id) {
        return consultations.close(new ConsultationId(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel (inviting side)")
    ConsultationView cancel(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return consultations.cancel(new ConsultationId(id), note(body));
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert into a priority referral carrying the opinion (TM-16: only when the requester authorised it)")
    ConsultationView convert(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConvertToReferral body) {
        return consultations.convertToReferral(new ConsultationId(id),
                body == null ? new ConvertToReferral(null, null, null) : body);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The conversation (both sides only; audited)")
    List<MessageView> messages(@PathVariable UUID id) {
        return consultations.messages(new ConsultationId(id));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Post a message, optionally in reply to another")
    ResponseEntity<MessageView> post(@PathVariable UUID id, @RequestBody(required = false) @Nullable PostMessage body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consultations.postMessage(new ConsultationId(id),
                body == null ? new PostMessage(null, null, null) : body));
    }

    private static ConsultationNote note(@Nullable ConsultationNote body) {
        return body == null ? new ConsultationNote(null) : body;
    }
}
