package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR Communication, read and search by {@code patient}, shared by every {@link CommunicationKind}: a read goes to the
 * kind whose prefix the id carries (unknown prefix: 404), a search concatenates the kinds (each scoped and audited by
 * its module: nothing without a care relationship). Today the only kind is the patient explanation of NAT-R-8.
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

    @Read
    public Communication read(@IdParam IdType id) {
        String value = id.getIdPart();
        for (CommunicationKind kind : kinds) {
            if (value != null && value.startsWith(kind.prefix())) {
                try {
                    return kind.read(value.substring(kind.prefix().length())).orElseThrow(() -> new ResourceNotFoundException(id));
                } catch (NotFoundException e) {
                    throw new ResourceNotFoundException(id);
                }
            }
        }
        throw new ResourceNotFoundException(id);
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = Communication.SP_PATIENT) ReferenceParam patient, @Count Integer count,
                                  @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        List<Communication> all = new ArrayList<>();
        kinds.forEach(k -> all.addAll(k.ofPatient(resident)));
        return Pages.slice(Pages.request(count, offset), all);
    }
}
