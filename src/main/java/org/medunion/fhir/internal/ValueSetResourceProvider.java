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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/** {@code /fhir/ValueSet} (read-only): one value set with all codes of each MedUnion code system. */
@Component
public class ValueSetResourceProvider implements IResourceProvider {

    private final Terminology terminology;

    ValueSetResourceProvider(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public Class<ValueSet> getResourceType() {
        return ValueSet.class;
    }

    @Read
    public ValueSet read(@IdParam IdType id) {
        return terminology.valueSet(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = ValueSet.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = ValueSet.SP_URL) UriParam url,
                                  @OptionalParam(name = ValueSet.SP_NAME) StringParam name,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var matches = terminology.valueSets().stream()
                .filter(vs -> Searches.id(id, vs))
                .filter(vs -> url == null || url.isEmpty() || url.getValue().equals(vs.getUrl()))
                .filter(vs -> Searches.string(name, vs.getName()))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(ValueSet::getUrl), Pages.request(count, offset));
    }
}
