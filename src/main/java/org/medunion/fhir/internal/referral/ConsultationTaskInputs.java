package org.medunion.fhir.internal.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.fhir.internal.ConsultationTaskParameter;
import org.medunion.fhir.internal.References;
import org.medunion.shared.InvalidInputException;

/**
 * The inputs of a consultation Task PUT with status {@code accepted} (decision 0259), each typed with a code of
 * {@code …/CodeSystem/consultation-task-parameter}: {@code session} (valueDateTime), {@code expert} (the lead,
 * {@code Practitioner/<id>}), {@code slot} (the lead's consultation {@code Slot/<id>} to book) and any number of
 * {@code mdt-expert} ({@code Practitioner/<id>}). Inputs typed only by text with one of these codes, or untyped
 * (a dateTime, a Practitioner, a Slot), are read as before the code system existed. The module's field names
 * ({@code slotId}, {@code expertIds[i]}, …) map back to the input they came from ({@link Acceptance#paths()}).
 */
final class ConsultationTaskInputs {

    /** The acceptance and, for its refusals, the module's field names as the Task elements a client sent. */
    record Acceptance(AcceptConsultation command, Map<String, String> paths) {
    }

    private ConsultationTaskInputs() {
    }

    static Acceptance accept(Task task, @Nullable String note, Map<String, String> base) {
        var paths = new HashMap<>(base);
        Instant session = null;
        UUID lead = null;
        UUID slot = null;
        var experts = new ArrayList<UUID>();
        var inputs = task.getInput();
        for (int i = 0; i < inputs.size(); i++) {
            String at = "Task.input[" + i + "]";
            Type value = inputs.get(i).getValue();
            ConsultationTaskParameter type = type(inputs.get(i), at);
            if (type == null) {
                continue; // an untyped input MedUnion does not read: ignored, as before decision 0259
            }
            switch (type) {
                case SESSION -> {
                    once(session, at);
                    session = dateTime(value, at);
                    paths.put("sessionAt", at);
                }
                case EXPERT -> {
                    once(lead, at);
                    lead = reference(value, "Practitioner", at);
                    paths.put("expertPractitionerId", at);
                }
                case SLOT -> {
                    once(slot, at);
                    slot = reference(value, "Slot", at);
                    paths.put("slotId", at);
                }
                case MDT_EXPERT -> {
                    paths.put("expertIds[" + experts.size() + "]", at);
                    experts.add(reference(value, "Practitioner", at));
                }
                default -> throw new InvalidInputException(at + ".type", "fhir.notSupported");
            }
        }
        return new Acceptance(new AcceptConsultation(session, lead, note, slot, experts.isEmpty() ? null : experts), paths);
    }

    /**
     * The input's type: a coding of consultation-task-parameter (an unknown code is a 400), else a text that is one of
     * its codes, else what the value is (dateTime: session, Practitioner: expert, Slot: slot); null when none applies.
     */
    private static @Nullable ConsultationTaskParameter type(Task.ParameterComponent input, String at) {
        var coding = input.getType().getCoding().stream()
                .filter(c -> ConsultationFhir.CS_TASK_PARAMETER.equals(c.getSystem())).findFirst();
        if (coding.isPresent()) {
            String code = coding.get().getCode();
            return parse(code).orElseThrow(() -> new InvalidInputException(at + ".type", "request.unknownValue", code,
                    String.join(", ", codes())));
        }
        var byText = parse(input.getType().getText());
        if (byText.isPresent()) {
            return byText.get();
        }
        Type value = input.getValue();
        if (value instanceof DateTimeType) {
            return ConsultationTaskParameter.SESSION;
        }
        if (value instanceof Reference ref && ref.getReference() != null) {
            if (ref.getReference().startsWith("Practitioner/")) {
                return ConsultationTaskParameter.EXPERT;
            }
            if (ref.getReference().startsWith("Slot/")) {
                return ConsultationTaskParameter.SLOT;
            }
        }
        return null;
    }

    private static Optional<ConsultationTaskParameter> parse(@Nullable String code) {
        return Arrays.stream(ConsultationTaskParameter.values()).filter(p -> p.code().equals(code)).findFirst();
    }

    private static void once(@Nullable Object seen, String at) {
        if (seen != null) {
            throw new InvalidInputException(at, "fhir.notSupported");
        }
    }

    private static Instant dateTime(@Nullable Type value, String at) {
        if (value instanceof DateTimeType dt && dt.getValue() != null) {
            return dt.getValue().toInstant();
        }
        throw new InvalidInputException(at + ".value[x]", "fhir.wrongType", "dateTime");
    }

    private static UUID reference(@Nullable Type value, String type, String at) {
        if (value instanceof Reference ref && ref.getReference() != null) {
            return References.uuid(ref.getReference(), type, at + ".valueReference");
        }
        throw new InvalidInputException(at + ".value[x]", "fhir.wrongType", "Reference(" + type + ")");
    }

    private static List<String> codes() {
        return Arrays.stream(ConsultationTaskParameter.values()).map(ConsultationTaskParameter::code).toList();
    }
}
