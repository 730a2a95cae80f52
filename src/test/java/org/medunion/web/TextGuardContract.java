package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medunion.shared.TextRules;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Input hygiene, generated from the application itself (issue 10): every JSON text field of every write endpoint
 * of the REST API, found through the request mappings and the request types, and every console form handler is
 * sent a bad character (the classes rotate: control, bidi override, zero-width, lone surrogate) and must answer
 * 400 naming the field (its JSON path) and the rule, before any handler runs. An endpoint added tomorrow is in
 * this test without anybody listing it; {@link org.medunion.security.InputHygieneContract} keeps the per-field
 * rules (names refuse markup, single lines refuse line feeds, each field's own length).
 */
public abstract class TextGuardContract {

    static final List<String> CALLERS = List.of("gp", "specialist", "office", "planner", "admin", "integrator",
            "pharmacist", "centre", "secadmin", "auditor");

    /** A bad character as a JSON escape, its form-encoded twin, and the rule it breaks. */
    record Bad(String json, @Nullable String raw, String rule) {
    }

    static final List<Bad> BAD = List.of(new Bad("\\u0007", "\u0007", TextRules.CONTROL),
            new Bad("\\u202e", "\u202e", TextRules.BIDI), new Bad("\\u200b", "\u200b", TextRules.ZERO_WIDTH),
            new Bad("\\ud800", null, TextRules.SURROGATE), new Bad("\\u0085", "\u0085", TextRules.CONTROL),
            new Bad("\\u2066", "\u2066", TextRules.BIDI), new Bad("\\ufeff", "\ufeff", TextRules.ZERO_WIDTH),
            new Bad("\\r", "\r", TextRules.CONTROL));

    static final Map<String, String> RULE_WORDS = Map.of(TextRules.CONTROL, "控制字符", TextRules.BIDI, "双向文本",
            TextRules.ZERO_WIDTH, "零宽字符");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One step of a JSON path: a property name, or (null) the first element of an array. */
    record Step(@Nullable String name) {
    }

    record Endpoint(String method, String path, HandlerMethod handler) {
    }

    @TestFactory
    Stream<DynamicTest> everyJsonTextFieldOfEveryWriteEndpointRefusesBadCharacters() {
        var tests = new ArrayList<DynamicTest>();
        var turn = new AtomicInteger();
        for (Endpoint e : endpoints("/api/", true)) {
            MethodParameter body = java.util.Objects.requireNonNull(requestBody(e.handler()), "endpoints() keeps bodies");
            var paths = new ArrayList<List<Step>>();
            textPaths(body.getGenericParameterType(), new ArrayList<>(), paths, 0);
            for (List<Step> path : paths) {
                Bad bad = BAD.get(turn.getAndIncrement() % BAD.size());
                String name = e.method() + " " + e.path() + " " + field(path);
                tests.add(DynamicTest.dynamicTest(name, () -> refusedAsJson(e, path, "正常" + bad.json() + "文字", bad.rule())));
            }
            if (!paths.isEmpty()) {
                List<Step> first = paths.get(0);
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " " + field(first) + " over the cap",
                        () -> refusedAsJson(e, first, "长".repeat(10_001), TextRules.TOO_LONG)));
            }
        }
        assertThat(tests).as("the generator found the REST API's text fields").hasSizeGreaterThan(100);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleFormRefusesBadCharacters() {
        var tests = new ArrayList<DynamicTest>();
        var turn = new AtomicInteger();
        for (Endpoint e : endpoints("/console/", false)) {
            // a lone surrogate cannot travel form-encoded as UTF-8: the other classes rotate
            List<Bad> sendable = BAD.stream().filter(b -> b.raw() != null).toList();
            Bad bad = sendable.get(turn.getAndIncrement() % sendable.size());
            tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path(), () -> refusedAsForm(e, bad)));
        }
        assertThat(tests).as("the generator found the console's forms").hasSizeGreaterThan(20);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyFhirTypeThatTakesWritesRefusesBadCharacters() {
        var tests = new ArrayList<DynamicTest>();
        var metadata = Api.as(port, "integrator").getFhir("/fhir/metadata").json();
        for (var resource : metadata.path("rest").get(0).path("resource")) {
            var interactions = new java.util.HashSet<String>();
            resource.path("interaction").forEach(i -> interactions.add(i.path("code").asString("")));
            String type = resource.path("type").asString("");
            if (interactions.contains("create") || interactions.contains("update")) {
                boolean create = interactions.contains("create");
                tests.add(DynamicTest.dynamicTest((create ? "POST /fhir/" : "PUT /fhir/") + type, () -> {
                    String id = UUID.randomUUID().toString();
                    String body = "{\"resourceType\":\"" + type + "\"," + (create ? "" : "\"id\":\"" + id + "\",")
                            + "\"language\":\"zh-\\u202eCN\"}";
                    var api = Api.as(port, "integrator");
                    var r = create ? api.postFhir("/fhir/" + type, body) : api.putFhir("/fhir/" + type + "/" + id, body, "W/\"1\"");
                    assertThat(r.status()).as(r.body()).isEqualTo(400);
                    var issue = r.json().path("issue").path(0);
                    assertThat(issue.path("expression").path(0).asString("")).as(r.body()).isEqualTo(type + ".language");
                    assertThat(issue.path("details").path("coding").path(0).path("code").asString("")).as(r.body())
                            .isEqualTo(TextRules.BIDI);
                }));
            }
        }
        assertThat(tests).as("FHIR types that take writes").hasSizeGreaterThan(2);
        return tests.stream();
    }

    @Test
    void fhirNamesTheNestedElementAndWritesNothing() {
        var r = Api.as(port, "gp").postFhir("/fhir/Patient",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"王\\u200b\",\"given\":[\"芳\"]}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        var issue = r.json().path("issue").path(0);
        assertThat(issue.path("expression").path(0).asString("")).as(r.body()).isEqualTo("Patient.name.family");
        assertThat(issue.path("details").path("coding").path(0).path("code").asString("")).isEqualTo(TextRules.ZERO_WIDTH);
    }

    @Test
    void aTextWithinTheRulesStillPasses() {
        // CR LF in a multi-line field is a line break, not a control character; tabs and line feeds stay.
        var r = Api.as(port, "gp").post("/api/referrals", "{\"reason\":\"第一行\\r\\n第二行\\t缩进\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).as(r.body()).isNotEqualTo("reason");
    }

    List<Endpoint> endpoints(String prefix, boolean withJsonBody) {
        var found = new ArrayList<Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            MethodParameter body = requestBody(m.getValue());
            if ((body != null) != withJsonBody || (body != null && body.getParameterType() == String.class)) {
                continue;
            }
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith(prefix)) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH) {
                        found.add(new Endpoint(method.name(), concrete(pattern, m.getValue()), m.getValue()));
                    }
                }
            }
        }
        found.sort((a, b) -> (a.path() + a.method()).compareTo(b.path() + b.method()));
        return found;
    }

    static @Nullable MethodParameter requestBody(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The pattern with its variables filled by values of the right type (nothing is found by them), a variable
     * restricted to alternatives ({@code {action:disable|enable}}) by its first, and the required query parameters
     * added, so that the request reaches the body.
     */
    static String concrete(String pattern, HandlerMethod handler) {
        String path = pattern;
        var query = new StringBuilder();
        for (MethodParameter p : handler.getMethodParameters()) {
            PathVariable v = p.getParameterAnnotation(PathVariable.class);
            RequestParam q = p.getParameterAnnotation(RequestParam.class);
            if (v != null) {
                String name = !v.value().isEmpty() ? v.value() : !v.name().isEmpty() ? v.name() : p.getParameterName();
                var alternatives = java.util.regex.Pattern.compile("\\{" + name + ":([a-z|-]+)}").matcher(path);
                String value = alternatives.find() ? alternatives.group(1).split("\\|")[0] : sample(p.getParameterType());
                path = path.replaceAll("\\{" + name + "(:[^}]*)?}", value);
            } else if (q != null && q.required() && q.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && !Map.class.isAssignableFrom(p.getParameterType())) {
                String name = !q.value().isEmpty() ? q.value() : !q.name().isEmpty() ? q.name() : p.getParameterName();
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(sample(p.getParameterType()));
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) + query;
    }

    static String sample(Class<?> type) {
        return type == UUID.class ? UUID.randomUUID().toString()
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "1" : "x1";
    }

    /** Collects the JSON paths of every text value the type can hold (records, beans, lists, maps). */
    static void textPaths(Type type, List<Step> prefix, List<List<Step>> out, int depth) {
        Class<?> raw = raw(type);
        if (depth > 5 || raw == null) {
            return;
        }
        if (raw == String.class || raw == Object.class) {
            out.add(List.copyOf(prefix));
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
            textPaths(element, append(prefix, new Step(null)), out, depth + 1);
        } else if (Map.class.isAssignableFrom(raw)) {
            textPaths(argument(type, 1), append(prefix, new Step("k")), out, depth + 1);
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                textPaths(c.getGenericType(), append(prefix, new Step(jsonName(c, c.getName()))), out, depth + 1);
            }
        } else if (raw.getName().startsWith("org.medunion") && !raw.isEnum()) {
            for (Field f : raw.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    textPaths(f.getGenericType(), append(prefix, new Step(jsonName(f, f.getName()))), out, depth + 1);
                }
            }
        }
    }

    static String jsonName(AnnotatedElement element, String name) {
        JsonProperty p = element.getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : name;
    }

    static @Nullable Class<?> raw(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    static List<Step> append(List<Step> prefix, Step step) {
        var copy = new ArrayList<>(prefix);
        copy.add(step);
        return copy;
    }

    /** The field name the API reports: {@code attachments[0].title}. */
    static String field(List<Step> path) {
        var sb = new StringBuilder();
        for (Step s : path) {
            if (s.name() == null) {
                sb.append("[0]");
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(s.name());
            }
        }
        return sb.toString();
    }

    static String json(List<Step> path, int from, String text) {
        if (from == path.size()) {
            return "\"" + text + "\"";
        }
        Step s = path.get(from);
        String inner = json(path, from + 1, text);
        return s.name() == null ? "[" + inner + "]" : "{\"" + s.name() + "\":" + inner + "}";
    }

    void refusedAsJson(Endpoint e, List<Step> path, String text, String rule) {
        String body = json(path, 0, text);
        Api.Response r = firstCallerLetThrough(caller -> caller.send(e.method(), e.path(), body,
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString())));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asString("")).as(e.method() + " " + e.path() + ": " + r.body()).isEqualTo(field(path));
        assertThat(r.json().path("code").asString("")).as(r.body()).isEqualTo(rule);
    }

    Api.Response firstCallerLetThrough(java.util.function.Function<Api, Api.Response> call) {
        Api.Response last = call.apply(Api.as(port, CALLERS.get(0)));
        for (int i = 1; i < CALLERS.size() && (last.status() == 401 || last.status() == 403); i++) {
            last = call.apply(Api.as(port, CALLERS.get(i)));
        }
        return last;
    }

    void refusedAsForm(Endpoint e, Bad bad) {
        ConsoleSession.Page last = postAs(CALLERS.get(0), e, bad);
        for (int i = 1; i < CALLERS.size() && (last.status() == 401 || last.status() == 403); i++) {
            last = postAs(CALLERS.get(i), e, bad);
        }
        assertThat(last.status()).as(e.path() + ": " + last.body()).isEqualTo(400);
        // the console names the field by its label (备注) and the rule in words
        assertThat(last.body()).as(e.path()).containsAnyOf("字段 备注", "字段 note").contains(RULE_WORDS.get(bad.rule()));
    }

    ConsoleSession.Page postAs(String user, Endpoint e, Bad bad) {
        var session = ConsoleSession.login(port, user);
        return session.post(e.path(), Map.of("note", "正常" + bad.raw() + "文字"), session.get("/"));
    }
}
