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
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.NamingSystem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/NamingSystem} (read-only): the identifier systems MedUnion issues or relies on — the
 * unified social credit code ({@code uscc}) and the platform ids {@code https://medunion.example/id/<kind>}.
 */
@Component
public class NamingSystemResourceProvider implements IResourceProvider {

    private static final Date PUBLISHED = new DateTimeType("2026-11-01").getValue();

    private final Map<String, NamingSystem> systems = new LinkedHashMap<>();

    NamingSystemResourceProvider() {
        add("uscc", "UnifiedSocialCreditCode", "统一社会信用代码",
                "Unified social credit code of a legal entity (GB 32100-2015): 18 characters, MOD 31 check character.",
                Systems.USCC, "CN");
        add("institution", "MedUnionInstitutionId", "MedUnion 机构 ID", "Platform id of an institution (UUID).",
                Systems.ID_INSTITUTION, null);
        add("consortium", "MedUnionConsortiumId", "MedUnion 医联体 ID", "Platform id of a consortium (UUID).",
                Systems.ID_CONSORTIUM, null);
        add("membership", "MedUnionMembershipId", "MedUnion 成员关系 ID", "Platform id of a membership (UUID).",
                Systems.ID_MEMBERSHIP, null);
        add("practitioner", "MedUnionPractitionerId", "MedUnion 人员 ID", "Platform id of a practitioner (UUID).",
                Systems.ID_PRACTITIONER, null);
        add("dispatch", "MedUnionDispatchId", "MedUnion 派驻 ID", "Platform id of a dispatch of staff (UUID).",
                Systems.ID_DISPATCH, null);
        add("grid", "MedUnionGridId", "MedUnion 网格 ID", "Platform id of a grid (UUID).", Systems.ID_GRID, null);
    }

    private void add(String id, String name, String title, String description, String uri, @Nullable String jurisdiction) {
        var ns = new NamingSystem();
        ns.setId(id);
        ns.setName(name);
        ns.setStatus(PublicationStatus.ACTIVE);
        ns.setKind(NamingSystem.NamingSystemType.IDENTIFIER);
        ns.setDate(PUBLISHED);
        ns.setPublisher("MedUnion");
        ns.setResponsible(title);
        ns.setDescription(description);
        ns.setUsage("docs/fhir.md");
        if (jurisdiction != null) {
            ns.addJurisdiction().addCoding().setSystem("urn:iso:std:iso:3166").setCode(jurisdiction);
        }
        ns.addUniqueId().setType(NamingSystem.NamingSystemIdentifierType.URI).setValue(uri).setPreferred(true);
        systems.put(id, ns);
    }

    @Override
    public Class<NamingSystem> getResourceType() {
        return NamingSystem.class;
    }

    @Read
    public NamingSystem read(@IdParam IdType id) {
        var ns = systems.get(id.getIdPart());
        if (ns == null) {
            throw new ResourceNotFoundException(id);
        }
        return ns;
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = NamingSystem.SP_RES_ID) TokenParam id,
                                  @OptionalParam(name = NamingSystem.SP_VALUE) StringParam value,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        List<NamingSystem> matches = systems.values().stream()
                .filter(ns -> Searches.id(id, ns))
                .filter(ns -> value == null || value.isEmpty()
                        || ns.getUniqueId().stream().anyMatch(u -> value.getValue().equals(u.getValue())))
                .toList();
        return Searches.bundle(matches, Comparator.comparing(NamingSystem::getName), Pages.request(count, offset));
    }
}
