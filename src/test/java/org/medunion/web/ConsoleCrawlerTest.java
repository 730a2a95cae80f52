package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medunion.support.H2Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks every page of each demo role's menu in real Chromium, as that role, and fails on what a user trips
 * over: an error page, a raw code / UUID / ISO duration shown as text, text with contrast below WCAG 2.1 AA
 * (4.5, 3 for large text), anything the browser logs as an error (a script refused by the CSP included),
 * sideways scrolling on a 390 px phone, and axe-core violations of WCAG A/AA (axe-core from the npm
 * package, served from the test classpath: src/test/resources/axe).
 */
@H2Test
// its own database holding the demo city only: the crawl judges what a user of the demo sees, not the names and
// half-finished records other test classes leave in the shared context's database
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:medunion-crawler;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleCrawlerTest {

    /** Constants as users must never see them: enum names, UUIDs, ISO 8601 durations. */
    static final List<Pattern> RAW = List.of(
            Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]{2,})+\\b"),
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"),
            Pattern.compile("\\bP(?:T\\d+[HMS]|\\d+D)\\b"));

    /** Every text node's contrast against the first opaque background behind it (WCAG 2.1 1.4.3). */
    static final String CONTRAST = """
            function lum(c){var m=c.match(/[\\d.]+/g); if(!m) return null; if(m.length>3&&parseFloat(m[3])===0) return null;
              var v=m.slice(0,3).map(function(x){x=x/255; return x<=0.03928?x/12.92:Math.pow((x+0.055)/1.055,2.4);});
              return 0.2126*v[0]+0.7152*v[1]+0.0722*v[2];}
            function bg(e){while(e){var l=lum(getComputedStyle(e).backgroundColor); if(l!==null) return l; e=e.parentElement;} return 1;}
            var out=[]; var walker=document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while(walker.nextNode()){var t=walker.currentNode; var s=t.textContent.trim(); var e=t.parentElement;
              if(!s||!e||e.closest('script,style,option,dialog:not([open])')) continue;
              var r=e.getBoundingClientRect(); var cs=getComputedStyle(e);
              if(r.width===0||r.height===0||cs.visibility==='hidden'||parseFloat(cs.opacity)===0) continue;
              var fg=lum(cs.color); if(fg===null) continue; var b=bg(e);
              var ratio=(Math.max(fg,b)+0.05)/(Math.min(fg,b)+0.05); var size=parseFloat(cs.fontSize);
              var large=size>=24||(size>=18.66&&parseInt(cs.fontWeight)>=700);
              if(ratio<(large?3:4.5)) out.push(s.slice(0,24)+' ('+ratio.toFixed(2)+')');}
            return out.slice(0,5);""";

    static final String AXE_RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(function (r) { done(r.violations.map(function (v) {
                return v.id + ' (' + v.impact + ') ' + v.nodes.slice(0, 2).map(function (n) { return n.target.join(' '); }).join(', '); })); })
              .catch(function (e) { done(['axe failed: ' + e]); });""";

    @LocalServerPort
    int port;

    ChromeDriver driver;
    Path profile;
    String axe;

    @BeforeAll
    void startBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.DRIVER.toString());
        profile = Files.createTempDirectory("medunion-crawler-");
        var options = ConsoleBrowserTest.options(profile);
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = ConsoleBrowserTest.chromium(options);
        try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Every demo role; {@code -Dmedunion.crawler.roles=gp,office} narrows a run while working on a page. */
    static List<String> roles() {
        String only = System.getProperty("medunion.crawler.roles", "");
        List<String> all = List.of("admin", "planner", "office", "gp", "specialist", "pharmacist", "centre", "integrator", "secadmin",
                "auditor");
        return only.isBlank() ? all : all.stream().filter(List.of(only.split(","))::contains).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void everyMenuPageIsUsable(String role) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(role);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/")));

        open(url("/"));
        screenshot("workbench-" + role);
        Set<String> pages = new LinkedHashSet<>();
        for (WebElement a : driver.findElements(By.cssSelector("nav.menu a"))) {
            pages.add(a.getAttribute("href"));
        }
        assertThat(pages).as("the menu of " + role).contains(url("/"));
        pages.addAll(firstDetailPages(pages));

        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            problems.addAll(check(role, page, false));
        }
        // a phone: the same pages at 390 px CSS width (headless windows are at least 500 px wide, so emulate)
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String page : pages) {
                problems.addAll(check(role, page, true));
            }
            if ("gp".equals(role)) {
                open(url("/"));
                driver.findElement(By.cssSelector("[data-menu-toggle]")).click();
                screenshot("workbench-gp-390");
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertThat(problems).as("problems a user meets as " + role + " on " + pages.size() + " pages").isEmpty();
    }

    /** One detail page behind each list (the first link to /console/<list>/<uuid>), as users open them. */
    private List<String> firstDetailPages(Set<String> lists) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> details = new ArrayList<>();
        // a record by its UUID, or an account's role page (accounts are named by their username)
        Pattern detail = Pattern.compile(Pattern.quote(url("")) + "/console/([a-z-]+)/(?:[0-9a-f-]{36}|[a-z0-9._-]+/role\\?.*)$");
        for (String list : lists) {
            open(list);
            for (WebElement a : driver.findElements(By.cssSelector("main a[href]"))) {
                String href = a.getAttribute("href");
                Matcher m = detail.matcher(href == null ? "" : href);
                if (m.find() && seen.add(m.group(1))) {
                    details.add(href);
                }
            }
        }
        return details;
    }

    private List<String> check(String role, String page, boolean phone) {
        List<String> problems = new ArrayList<>();
        String where = role + (phone ? " @390px " : " ") + page.substring(url("").length()) + ": ";
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        open(page);
        var js = (JavascriptExecutor) driver;
        String text = driver.findElement(By.tagName("body")).getText();
        if (!driver.findElements(By.cssSelector(".error-card")).isEmpty()
                || text.matches("(?s).*(Whitelabel|Internal Server Error|HTTP Status [45]\\d\\d).*")) {
            problems.add(where + "error page " + text.substring(0, Math.min(120, text.length())).replace('\n', ' '));
        }
        if (phone) {
            Object width = js.executeScript("return document.documentElement.scrollWidth");
            if (((Number) Objects.requireNonNull(width, "the page has a width")).intValue() > 390) {
                problems.add(where + "page is " + width + " px wide: scrolls sideways");
            }
            return problems;
        }
        for (Pattern p : RAW) {
            Set<String> hits = new LinkedHashSet<>();
            p.matcher(text).results().limit(4).forEach(r -> hits.add(r.group()));
            if (!hits.isEmpty()) {
                problems.add(where + "raw text " + hits);
            }
        }
        Object lowContrast = js.executeScript(CONTRAST);
        if (lowContrast instanceof List<?> l && !l.isEmpty()) {
            problems.add(where + "contrast below WCAG AA " + l);
        }
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                    || e.getMessage().contains("Content Security Policy")) {
                problems.add(where + "browser log " + e.getMessage());
            }
        }
        js.executeScript(axe);
        Object violations = js.executeAsyncScript(AXE_RUN);
        if (violations instanceof List<?> v && !v.isEmpty()) {
            problems.add(where + "axe-core " + v);
        }
        return problems;
    }

    /** Opens a page and waits until htmx has loaded what the page fetches on load. */
    private void open(String page) {
        driver.get(page);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request')"
                        + " && !document.querySelector('[hx-trigger=load] > .htmx-indicator');")));
    }

    /** Into target/screenshots (docs/console/ takes the workbench ones from there). */
    private void screenshot(String name) {
        try {
            Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
