package org.medunion.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The console's twin of {@link GuardedTextDeserializer}: every parameter of a form that changes something
 * (POST, PUT, PATCH, DELETE) passes the same character rules and length cap before the handler runs. A refusal is
 * an {@link InvalidInputException} naming the parameter, which the console answers with its 400 page and the
 * REST API with a problem detail. Modules keep their stricter rules (names, single lines) and their friendlier
 * feedback beside the field; this is the net under all forms, including forms added later.
 */
final class FormTextGuard implements HandlerInterceptor {

    private final int maxLength;

    FormTextGuard(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (name.toLowerCase(Locale.ROOT).contains("password")) {
                continue; // hashed, never stored or shown as text; a refusal would only help a guesser
            }
            for (String value : parameter.getValue()) {
                TextRules.atTheDoor(value, name, maxLength);
            }
        }
        return true;
    }
}
