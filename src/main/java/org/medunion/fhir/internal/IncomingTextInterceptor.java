package org.medunion.fhir.internal;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.IModelVisitor2;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.medunion.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The FHIR twin of the REST API's text guard (issue 10): every text element of a resource a client sends (create,
 * update, a bundle's entries) passes the character rules of {@link TextRules} and the common length cap before a
 * provider runs. A refusal names the element as a FHIRPath ({@code Patient.name.family}) in the OperationOutcome.
 */
@Component
@Interceptor
public class IncomingTextInterceptor {

    private final FhirContext fhir;
    private final int maxLength;

    IncomingTextInterceptor(FhirContext fhir, @Value("${medunion.input.max-text-length:10000}") int maxLength) {
        this.fhir = fhir;
        this.maxLength = maxLength;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void incoming(RequestDetails request) {
        IBaseResource resource = request.getResource();
        if (resource != null) {
            fhir.newTerser().visit(resource, new Checker(fhir.getResourceType(resource)));
        }
    }

    private final class Checker implements IModelVisitor2 {

        private final String root;

        Checker(String root) {
            this.root = root;
        }

        @Override
        public boolean acceptElement(IBase element, List<IBase> containingPath, List<BaseRuntimeChildDefinition> childPath,
                                     List<BaseRuntimeElementDefinition<?>> elementPath) {
            if (element instanceof IPrimitiveType<?> primitive && !(element instanceof Base64BinaryType)) {
                String value = primitive.getValueAsString();
                if (value != null) {
                    String field = root + childPath.stream().map(BaseRuntimeChildDefinition::getElementName)
                            .map(name -> "." + name).collect(Collectors.joining());
                    TextRules.atTheDoor(value, field, maxLength);
                }
            }
            return true;
        }
    }
}
