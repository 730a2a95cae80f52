package org.medunion.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the {@code Idempotency-Key} header on every POST the {@link IdempotencyFilter} handles. */
@Component
class IdempotencyKeyDocumentation implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            var post = item.getPost();
            if (post == null || path.startsWith("/api/auth/") || path.startsWith("/api/accounts")
                    || post.getParameters() != null && post.getParameters().stream()
                            .anyMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()))) {
                return;
            }
            post.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                    .description("Repeat-safe POST: the first 2xx answer is replayed for the same request; "
                            + "another request with the key is 422 SHARED-0002")
                    .schema(new StringSchema().pattern(IdempotencyFilter.KEY.pattern()).maxLength(100)));
        });
    }
}
