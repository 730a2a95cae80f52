package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Error codes have one home each (issue 11): every enum implementing {@link ErrorCode} under org.medunion has
 * unique codes, each with an {@code error.<code>} text in the zh-CN and English bundles, and every bundle key
 * that looks like {@code <MODULE>-nnnn} belongs to some enum constant.
 */
class ErrorCodeTest {

    private static final Pattern MODULE_CODE = Pattern.compile("[A-Z]+-\\d{4}");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z]+-\\d{4})\"");

    static Map<String, List<String>> codes = new HashMap<>();
    static Set<String> zh = new TreeSet<>();
    static Set<String> en = new TreeSet<>();

    @BeforeAll
    static void scan() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        for (var candidate : scanner.findCandidateComponents("org.medunion")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.computeIfAbsent(((ErrorCode) constant).code(), c -> new ArrayList<>())
                            .add(type.getSimpleName() + "." + ((Enum<?>) constant).name());
                }
            }
        }
        for (String basename : basenames()) {
            zh.addAll(errorKeys(basename + "_zh_CN.properties"));
            en.addAll(errorKeys(basename + "_en.properties"));
        }
    }

    @Test
    void enumsAreFoundByTheScan() {
        assertThat(codes).containsKey(SharedError.IDEMPOTENCY_KEY_INVALID.code());
    }

    @Test
    void everyCodeHasOneConstant() {
        assertThat(codes.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
                .as("codes used by more than one enum constant").isEmpty();
    }

    @Test
    void everyCodeHasAChineseAndAnEnglishText() {
        assertThat(codes.keySet().stream().filter(c -> !zh.contains(c)).sorted()).as("missing in *_zh_CN").isEmpty();
        assertThat(codes.keySet().stream().filter(c -> !en.contains(c)).sorted()).as("missing in *_en").isEmpty();
    }

    @Test
    void everyModuleCodeInTheBundlesBelongsToAnEnum() throws IOException {
        Set<String> orphans = new TreeSet<>();
        Stream.concat(zh.stream(), en.stream()).filter(c -> MODULE_CODE.matcher(c).matches() && !codes.containsKey(c))
                .forEach(orphans::add);
        assertThat(orphans).as("bundle codes without an enum constant").isEmpty();
    }

    @Test
    void noModuleCodeIsWrittenAsALiteralOutsideItsEnum() throws IOException {
        assertThat(literals()).as("code literals in src/main/java (use the module's enum)").isEmpty();
    }

    @Test
    void theLiteralScanSeesAModuleCodeButNotACatalogueCode() {
        assertThat(moduleCodeLiterals("throw new ConflictException(\"REFERRAL-0001\", f); item(\"SQ-0001\");"))
                .containsExactly("REFERRAL-0001");
    }

    /** The bundle basenames the application reads (spring.messages.basename). */
    private static List<String> basenames() throws IOException {
        var app = new Properties();
        try (var in = ErrorCodeTest.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        return Arrays.stream(app.getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
    }

    private static Set<String> errorKeys(String resource) throws IOException {
        var props = new Properties();
        try (var in = ErrorCodeTest.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                return Set.of();
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
        }
        Set<String> keys = new TreeSet<>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith("error.")).map(k -> k.substring(6)).forEach(keys::add);
        return keys;
    }

    /**
     * "<MODULE>-nnnn" string literals left in the main code outside the enums that declare them. Only prefixes some
     * enum uses count, so catalogue codes of the demo ("SQ-0001") are not taken for error codes.
     */
    private static Set<String> literals() throws IOException {
        Set<String> found = new TreeSet<>();
        Path main = Path.of("src/main/java");
        assertThat(main).as("run from the project root").isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("implements ErrorCode")) {
                    found.addAll(moduleCodeLiterals(source));
                }
            }
        }
        return found;
    }

    private static List<String> moduleCodeLiterals(String source) {
        Set<String> prefixes = new TreeSet<>();
        codes.keySet().stream().filter(c -> MODULE_CODE.matcher(c).matches()).forEach(c -> prefixes.add(c.substring(0, c.indexOf('-'))));
        List<String> found = new ArrayList<>();
        var m = LITERAL.matcher(source);
        while (m.find()) {
            String code = m.group(1);
            if (prefixes.contains(code.substring(0, code.indexOf('-')))) {
                found.add(code);
            }
        }
        return found;
    }
}
