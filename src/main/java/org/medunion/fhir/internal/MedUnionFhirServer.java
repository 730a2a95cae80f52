package org.medunion.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.List;

/** The FHIR endpoint: JSON by default, strict parsing, paging, truthful CapabilityStatement. */
class MedUnionFhirServer extends RestfulServer {

    private final transient List<IResourceProvider> providers;
    private final transient List<Object> interceptors;

    MedUnionFhirServer(FhirContext context, List<IResourceProvider> providers, List<Object> interceptors) {
        super(context);
        this.providers = providers;
        this.interceptors = interceptors;
    }

    @Override
    protected void initialize() {
        getFhirContext().setParserErrorHandler(new StrictErrorHandler());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setResourceProviders(providers.toArray(IResourceProvider[]::new));
        var paging = new FifoMemoryPagingProvider(50);
        paging.setDefaultPageSize(20);
        paging.setMaximumPageSize(200);
        setPagingProvider(paging);
        setServerName("MedUnion");
        setImplementationDescription("MedUnion medical consortium platform — FHIR R4 API");
        interceptors.forEach(this::registerInterceptor);
    }
}
