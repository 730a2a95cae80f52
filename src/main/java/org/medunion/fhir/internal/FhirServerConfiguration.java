package org.medunion.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts HAPI's plain RestfulServer at /fhir (architecture.md, stack notes). */
@Configuration
class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<MedUnionFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
                                                            List<SystemLevelProvider> systemProviders,
                                                            OperationOutcomeInterceptor errors,
                                                            PersonalDataAuditInterceptor audit,
                                                            CapabilityStatementInterceptor capabilities,
                                                            IncomingTextInterceptor text) {
        var server = new MedUnionFhirServer(context, providers, systemProviders, List.of(errors, audit, capabilities, text));
        var registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setLoadOnStartup(1);
        registration.setName("fhir");
        return registration;
    }
}
