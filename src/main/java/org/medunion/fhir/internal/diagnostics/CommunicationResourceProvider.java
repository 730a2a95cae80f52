package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.References;
import org.medunion.fhir.internal.Versions;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR Communication, shared by every {@link CommunicationKind}: a read goes to the kind whose prefix the id carries
 * (unknown prefix: 404), a search by {@code patient} concatenates the kinds and one by {@code based-on} asks each kind
 * for the request's conversation (each scoped and audited by its module: nothing without a care relationship),
 * {@code _lastUpdated} keeps those changed in the window, and a create goes to the kind that claims the posted
 * resource. The kinds: the patient explanation of NAT-R-8, the conversation of a consultation (decision 0245).
 */
@Component
public class CommunicationResourceProvider implements IResourceProvider {

    private final List<CommunicationKind> kinds;

    CommunicationResourceProvider(List<CommunicationKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public Class<Communication> getResourceType() {
        return Communication.class;
    }

    @Read(version = true)
    public Communication read(@IdParam IdType id) {
        String value = id.getIdPart();
        for (CommunicationKind kind : kinds) {
            if (value != null && value.startsWith(kind.prefix())) {
                try {
                    return Versions.current(id, kind.read(value.substring(kind.prefix().length()))
                            .orElseThrow(() -> new ResourceNotFoundException(id)));
                } catch (NotFoundException e) {
                    throw new ResourceNotFoundException(id);
                }
            }
        }
        throw new ResourceNotFoundException(id);
    }

    /** {@code patient} or {@code based-on} is required; both together keep the request's messages about the patient. */
    @Search
    public IBundleProvider search(@OptionalParam(name = Communication.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Communication.SP_BASED_ON) ReferenceParam basedOn,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var page = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        UUID resident = patient == null ? null : DiagnosticsFhir.patient(patient);
        List<Communication> all = new ArrayList<>();
        if (basedOn != null) {
            UUID request = References.uuid(basedOn.getValue(), "ServiceRequest", "based-on");
            kinds.forEach(k -> all.addAll(k.basedOn("ServiceRequest/" + request)));
            all.removeIf(c -> resident != null && !c.getSubject().getReference().equals("Patient/" + resident));
        } else if (resident != null) {
            kinds.forEach(k -> all.addAll(k.ofPatient(resident)));
        } else {
            throw new InvalidInputException("patient", "field.required");
        }
        all.removeIf(c -> !LastUpdated.admits(lastUpdated, c.getMeta().getLastUpdated() == null ? null
                : c.getMeta().getLastUpdated().toInstant()));
        return Pages.slice(page, all);
    }

    /** {@code POST Communication}: recorded by the kind that claims it; {@code basedOn} is what tells the kinds apart. */
    @Create
    public MethodOutcome create(@ResourceParam Communication posted) {
        var kind = kinds.stream().filter(k -> k.creates(posted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Communication.basedOn", "field.required"));
        Communication created = kind.create(posted);
        var outcome = new MethodOutcome(created.getIdElement(), true);
        outcome.setResource(created);
        return outcome;
    }
}
