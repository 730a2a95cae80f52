package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Comparator;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** {@code /fhir/CodeSystem} (read-only): MedUnion's code systems, canonical {@code …/fhir/CodeSystem/<name>}. */
@Component
public class CodeSystemResourceProvider implements IResourceProvider {

    private final Terminology terminology;

    CodeSystemResourceProvider(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return terminology.codeSystem(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = CodeSystem.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = CodeSystem.SP_URL) UriParam url,
                                  @OptionalParam(name = CodeSystem.SP_NAME) StringParam name,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var matches = terminology.codeSystems().stream()
                .filter(cs -> Searches.id(id, cs))
                .filter(cs -> url == null || url.isEmpty() || url.getValue().equals(cs.getUrl()))
                .filter(cs -> Searches.string(name, cs.getName()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(CodeSystem::getUrl), Pages.request(count, offset));
    }
}
