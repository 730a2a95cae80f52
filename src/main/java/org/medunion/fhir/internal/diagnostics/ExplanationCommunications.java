package org.medunion.fhir.internal.diagnostics;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExplanationMedium;
import org.medunion.diagnostics.ExplanationView;
import org.springframework.stereotype.Component;

/**
 * The patient explanation of NAT-R-8 as FHIR Communication {@code explanation-<decision>}: to and about the patient,
 * {@code about} the recognition decision (the DetectedIssue of diagnostics.md (d)), the text as payload, {@code sent}
 * and {@code medium} (v3 ParticipationMode) once the clinician recorded giving it; status preparation until then,
 * completed after. Scoped and audited by the diagnostics module.
 */
@Component
class ExplanationCommunications implements CommunicationKind {

    static final String PREFIX = "explanation-";
    static final String MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    private final DiagnosticsManagement diagnostics;

    ExplanationCommunications(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<Communication> read(String rest) {
        return CommunicationKind.uuid(rest).map(decision -> communication(diagnostics.explanation(decision)));
    }

    @Override
    public List<Communication> ofPatient(UUID resident) {
        return diagnostics.explanationsOf(resident).stream().map(ExplanationCommunications::communication).toList();
    }

    static Communication communication(ExplanationView e) {
        var c = new Communication();
        c.setId("Communication/" + PREFIX + e.decisionId());
        c.setStatus(e.given() ? Communication.CommunicationStatus.COMPLETED : Communication.CommunicationStatus.PREPARATION);
        c.setSubject(new Reference("Patient/" + e.residentId()));
        c.addRecipient(new Reference("Patient/" + e.residentId()));
        c.addAbout(new Reference("DetectedIssue/" + e.decisionId()));
        c.setSender(new Reference("Organization/" + e.orderingInstitutionId()));
        c.getTopic().setText(e.itemName());
        c.addPayload().setContent(new StringType(e.text()));
        ExplanationMedium medium = e.medium();
        var sent = e.givenAt();
        if (sent != null && medium != null) {
            c.setSent(Date.from(sent));
            var coding = switch (medium) {
                case PRINTED -> new String[] {"WRITTEN", "written"};
                case VERBAL -> new String[] {"VERBAL", "verbal"};
                case APP_MESSAGE -> new String[] {"ONLINEWRIT", "online written"};
            };
            c.addMedium().addCoding().setSystem(MODE).setCode(coding[0]).setDisplay(coding[1]);
        }
        return c;
    }
}
