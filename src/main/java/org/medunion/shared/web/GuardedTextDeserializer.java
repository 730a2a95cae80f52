package org.medunion.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every JSON string the REST API reads passes the character rules of {@link TextRules} (as multi-line text, the
 * loosest kind) and a length cap before any module sees it (issue 10, input hygiene everywhere text is stored).
 * A module's own rules stay stricter where a field is a name or a single line; this guard makes sure a field
 * nobody wrote a rule for (or a field added tomorrow) cannot store a control character, a bidi override, a
 * zero-width character or a lone surrogate. Jackson adds the JSON path of the value as the refusal travels
 * up, so the 400 names {@code attachments[0].title}, not just "title".
 */
final class GuardedTextDeserializer extends StdScalarDeserializer<String> {

    private final int maxLength;

    GuardedTextDeserializer(int maxLength) {
        super(String.class);
        this.maxLength = maxLength;
    }

    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value == null) {
            return null;
        }
        try {
            return TextRules.atTheDoor(value, "", maxLength);
        } catch (InvalidInputException e) {
            throw new Refused(p, e.code(), e.arguments());
        }
    }

    /** A string value that breaks a text rule; {@link ProblemDetailsAdvice} answers it with the rule's code. */
    static final class Refused extends MismatchedInputException {

        private final String rule;
        private final transient List<Object> arguments;

        Refused(JsonParser p, String rule, List<Object> arguments) {
            // The message names the rule, never the value: request bodies hold personal data.
            super(p, "text rule " + rule, String.class);
            this.rule = rule;
            this.arguments = arguments;
        }

        String rule() {
            return rule;
        }

        Object[] arguments() {
            return arguments.toArray();
        }
    }
}
