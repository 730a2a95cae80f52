package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * {@code PUT /fhir/Task/<id>} of a consultation: the invited side accepts ({@code accepted}, with typed inputs — the
 * session time, the answering physician, the expert's consultation Slot to book, further MDT experts: {@link
 * ConsultationTaskInputs}, decision 0259), declines ({@code rejected}, reason in
 * {@code statusReason.text}), asks for information ({@code on-hold}, the question in {@code statusReason.text}) or
 * starts the session ({@code in-progress}); the inviting side cancels ({@code cancelled}). Everything else — the
 * opinion, its signature, the acknowledgement — happens in the module, where the physician signs. Each goes through
 * {@link ConsultationManagement}, so the workflow, the side and TM-5 decide; a refused step changes nothing.
 */
@Component
class ConsultationTasks {

    private static final Map<String, String> PATHS = Map.of(
            "expertPractitionerId", "Task.input", "sessionAt", "Task.input", "slotId", "Task.input", "expertIds", "Task.input",
            "note", "Task.note",
            "text", "Task.statusReason", "status", "Task.status", "body", "Task");

    private final ConsultationManagement consultations;

    ConsultationTasks(ConsultationManagement consultations) {
        this.consultations = consultations;
    }

    MethodOutcome update(IdType id, ConsultationView current, Task task) {
        Workflows.checkUpdate(id, current.version(), task);
        String wanted = task.getStatus().toCode();
        ConsultationView result = current;
        if (!wanted.equals(ConsultationFhir.taskStatus(current.status()))) {
            var acceptance = "accepted".equals(wanted) ? ConsultationTaskInputs.accept(task, note(task), PATHS) : null;
            try {
                result = act(new ConsultationId(current.id()), current, wanted, task, acceptance);
            } catch (RuntimeException e) {
                throw FieldPaths.translate(e, "Task", acceptance == null ? PATHS : acceptance.paths());
            }
        }
        var outcome = new MethodOutcome(new IdType("Task", result.id().toString(), Long.toString(result.version())));
        outcome.setResource(ConsultationToFhirMapper.task(result));
        return outcome;
    }

    private ConsultationView act(ConsultationId id, ConsultationView current, String wanted, Task task,
                                 ConsultationTaskInputs.@Nullable Acceptance acceptance) {
        return switch (wanted) {
            case "accepted" -> consultations.accept(id, Objects.requireNonNull(acceptance).command());
            case "rejected" -> consultations.decline(id, reason(task));
            case "on-hold" -> consultations.askInformation(id, reason(task));
            case "in-progress" -> consultations.start(id);
            case "cancelled" -> consultations.cancel(id, reason(task));
            default -> throw new ConflictException(ConsultationError.ILLEGAL_TRANSITION, "Task.status", current.status().name(), wanted);
        };
    }

    private static ConsultationNote reason(Task task) {
        return new ConsultationNote(task.hasStatusReason() ? task.getStatusReason().getText() : null);
    }

    private static @Nullable String note(Task task) {
        return task.hasNote() ? task.getNoteFirstRep().getText() : null;
    }
}
