package org.medunion.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;

/** The FHIR endpoint: JSON by default, strict parsing, offset paging (no stored searches), truthful CapabilityStatement. */
class MedUnionFhirServer extends RestfulServer {

    private final transient List<IResourceProvider> providers;
    private final transient List<SystemLevelProvider> systemProviders;
    private final transient List<Object> interceptors;

    MedUnionFhirServer(FhirContext context, List<IResourceProvider> providers, List<SystemLevelProvider> systemProviders,
                       List<Object> interceptors) {
        super(context);
        this.providers = providers;
        this.systemProviders = systemProviders;
        this.interceptors = interceptors;
    }

    @Override
    protected void initialize() {
        getFhirContext().setParserErrorHandler(new Base64Paths.Handler());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setResourceProviders(providers.toArray(IResourceProvider[]::new));
        registerProviders(List.copyOf(systemProviders));
        // no paging provider: nothing of a search is stored between requests, so no `_getpages` link exists that
        // another account could follow; every page is a fresh scoped and audited search (Pages, issue 10 item 2)
        setPagingProvider(null);
        setDefaultPageSize(Pages.DEFAULT_COUNT);
        setServerName("MedUnion");
        setImplementationDescription("MedUnion medical consortium platform — FHIR R4 API");
        interceptors.forEach(this::registerInterceptor);
    }
}
