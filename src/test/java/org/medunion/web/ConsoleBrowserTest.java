package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medunion.registry.ConsortiumView;
import org.medunion.support.H2Test;
import org.medunion.support.RunningCity;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console in a real browser (the system Chromium, headless): login with CSRF, the planner's workspace
 * with its htmx-loaded cards and chart, institution search as you type, a consortium's detail, the switch
 * to English and logout. Screenshots go to target/screenshots/.
 */
@H2Test
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest extends RunningCity {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    WebDriver driver;
    Path profile;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() throws IOException {
        // the system Chromium and driver, explicitly: Selenium Manager must not download anything
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.DRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        profile = Files.createTempDirectory("medunion-chromium-");
        driver = chromium(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    /** A headless Chromium with its own profile (own cookies, so two users can work side by side). */
    static ChromeDriver chromium(Path profile) {
        return chromium(options(profile));
    }

    static ChromeOptions options(Path profile) {
        var options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1360,1000", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        // a Chinese user: the console's first language comes from Accept-Language until ?lang= picks another
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        return options;
    }

    static ChromeDriver chromium(ChromeOptions options) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(ChromiumAvailable.DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshSession() {
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void loginPageCarriesCsrfTokenAndWrongPasswordShowsTheError() {
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement csrf = driver.findElement(By.cssSelector("form input[type=hidden][name=_csrf]"));
        assertThat(csrf.getAttribute("value")).hasSizeGreaterThan(20);

        logIn("planner", "wrong-password");
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(driver.findElement(By.cssSelector("p.error")).getText()).contains("用户名或密码错误");
        screenshot("login-error");
    }

    @Test
    void plannerWorksThroughTheConsoleInChineseAndEnglishThenLogsOut() {
        var fixture = new ConsoleFixture(registry);
        var grid = fixture.grid(ConsoleFixture.unique("天山网格"), 150_000);
        fixture.grid(ConsoleFixture.unique("新泾网格"), 90_000);
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("浏览器联合体"), grid.id());
        String hospital = consortium.name() + "区域医疗中心";

        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("planner", "demo");
        wait.until(ExpectedConditions.urlToBe(url("/")));

        // the workspace cards arrive through htmx; the doughnut chart is drawn by chart.js
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#workspace .card.stat .num")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("卫健委规划工作台");
        wait.until(d -> "yes".equals(((JavascriptExecutor) d).executeScript(
                "var c = document.getElementById('formChart'); return c && c.dataset.drawn;")));
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof Chart")).isEqualTo("function");
        screenshot("workspace-planner");

        // institutions: type into the search box, the table follows (htmx, hx-trigger with delay)
        driver.findElement(By.linkText("机构")).click();
        wait.until(ExpectedConditions.urlContains("/console/institutions"));
        driver.findElement(By.id("search-text")).sendKeys(hospital);
        wait.until(d -> d.findElement(By.id("institution-table")).getText().contains(hospital)
                && d.findElements(By.cssSelector("#institution-table tbody tr")).size() == 1);
        assertThat(driver.getCurrentUrl()).as("search is in the address bar").contains("text=");
        screenshot("institutions-search");

        // a consortium's detail from the list
        driver.findElement(By.linkText("医联体")).click();
        wait.until(ExpectedConditions.urlContains("/console/consortia"));
        // the list is paged: the search form finds it
        var filter = driver.findElement(By.id("consortium-filter"));
        filter.findElement(By.name("text")).sendKeys(consortium.name());
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("text="));
        driver.findElement(By.linkText(consortium.name())).click();
        wait.until(ExpectedConditions.textToBe(By.id("consortium-name"), consortium.name()));
        assertThat(driver.findElement(By.id("members")).getText()).contains("牵头单位").contains(hospital);
        screenshot("consortium-detail");

        // English
        driver.get(driver.getCurrentUrl() + "?lang=en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "Members by role"));
        assertThat(driver.findElement(By.cssSelector("nav.menu")).getText()).contains("Institutions").contains("Consortia");
        assertThat(driver.findElement(By.id("members")).getText()).contains("Lead");
        screenshot("consortium-detail-en");

        driver.findElement(By.linkText("Grids")).click();
        wait.until(ExpectedConditions.urlContains("/console/grids"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("who covers whom");
        screenshot("grids-en");

        // log out (a POST with the CSRF token)
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.findElement(By.cssSelector("p.info")).getText()).contains("You have logged out");
        driver.get(url("/console/consortia"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Autowired
    org.medunion.scheduling.SchedulingManagement scheduling;

    @Autowired
    org.medunion.scheduling.unscoped.SystemScheduling systemScheduling;

    /**
     * The referral loop in two browsers: the office adds a criterion; the GP finds the resident, submits an upward
     * referral ticking it and leaves the outbox open; the specialist accepts it from the inbox choosing a free slot;
     * the GP's outbox shows "accepted" without a reload (htmx polling); the GP marks a downward referral's
     * follow-up task done.
     */
    @Test
    void referralLoop_officeCriterion_gpSubmits_specialistAccepts_outboxFollows_followUpDone() throws IOException {
        var g = org.medunion.scheduling.SchedulingFixture.group(registry, residents, accounts);
        String office = "bo-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new org.medunion.identity.AccountManagement.NewAccount(office, "demo", "Office",
                org.medunion.identity.Role.OFFICE, org.medunion.identity.Scope.consortium(g.consortium().value())));
        var day = java.time.LocalDate.now().plusDays(1);
        systemScheduling.publishSchedules(java.util.List.of(new org.medunion.scheduling.PublishSchedule(g.lead(), "心内科",
                "心血管内科", null, org.medunion.scheduling.ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(1),
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(10, 0), 15, 2, "1/3", null)), "browser-test");
        String criterion = "血压经三种降压药仍 ≥160/100 mmHg " + office;

        // the consortium office adds a referral criterion
        driver.get(url("/login"));
        logIn(office, "demo");
        wait.until(ExpectedConditions.urlToBe(url("/")));
        driver.findElement(By.linkText("转诊标准")).click();
        wait.until(ExpectedConditions.urlContains("/console/referrals/criteria"));
        var form = driver.findElement(By.id("criterion-form"));
        form.findElement(By.name("department")).sendKeys("心内科");
        form.findElement(By.name("diagnosisPrefix")).sendKeys("I10");
        form.findElement(By.name("text")).sendKeys(criterion);
        driver.findElement(By.id("criterion-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("criteria-list"), criterion));
        screenshot("referral-criteria-office");
        driver.manage().deleteAllCookies();

        // the GP creates and submits an upward referral ticking the criterion
        driver.get(url("/login"));
        logIn(g.gpUser(), "demo");
        wait.until(ExpectedConditions.urlToBe(url("/")));
        driver.findElement(By.linkText("新建转诊")).click();
        wait.until(ExpectedConditions.urlContains("/console/referrals/new"));
        driver.findElement(By.name("q")).sendKeys("陈静");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=residentId]"))).click();
        String lead = g.lead().value().toString();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#destinations option[value='" + lead + "']")));
        driver.findElement(By.name("toDepartment")).sendKeys("心内科");
        driver.findElement(By.name("diagnosisCode")).sendKeys("I10");
        driver.findElement(By.name("diagnosisText")).sendKeys("原发性高血压");
        driver.findElement(By.name("reason")).sendKeys("血压控制不佳");
        // the destination and criteria fragments re-render on every change (htmx), so retry until the choice sticks
        var settle = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        settle.until(d -> {
            var select = d.findElement(By.cssSelector("#destinations select"));
            if (!lead.equals(select.getAttribute("value"))) {
                new org.openqa.selenium.support.ui.Select(select).selectByValue(lead);
                return false;
            }
            return true;
        });
        By tick = By.xpath("//div[@id='criteria']//label[contains(., '" + criterion + "')]/input");
        settle.until(d -> {
            var box = d.findElement(tick);
            if (!box.isSelected()) {
                box.click();
                return false;
            }
            return true;
        });
        screenshot("referral-new-gp");
        driver.findElement(By.cssSelector("button[value=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已提交"));
        String number = driver.findElement(By.cssSelector("h1 span")).getText();

        // the GP leaves the outbox open
        driver.findElement(By.linkText("双向转诊")).click();
        By row = By.xpath("//div[@id='referral-rows']//tr[td/a[text()='" + number + "']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已提交"));

        // the specialist accepts from the inbox, choosing a free slot
        Path profile2 = Files.createTempDirectory("medunion-chromium-");
        var specialist = chromium(profile2);
        try {
            var wait2 = new WebDriverWait(specialist, Duration.ofSeconds(20));
            specialist.get(url("/login"));
            specialist.findElement(By.id("username")).sendKeys(g.leadUser());
            specialist.findElement(By.id("password")).sendKeys("demo");
            specialist.findElement(By.id("login")).click();
            wait2.until(ExpectedConditions.urlToBe(url("/")));
            specialist.get(url("/console/referrals"));
            wait2.until(ExpectedConditions.elementToBeClickable(By.linkText(number))).click();
            var slot = new org.openqa.selenium.support.ui.Select(wait2.until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accept-form select[name=resourceId]"))));
            assertThat(slot.getOptions()).hasSizeGreaterThan(1);
            slot.selectByIndex(1);
            specialist.findElement(By.id("act-accept")).click();
            // accepting books the slot: the page's own dialog asks first (console.js, no inline script)
            wait2.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
            assertThat(specialist.findElement(By.cssSelector("#confirm-dialog .confirm-text")).getText()).contains("接收");
            specialist.findElement(By.id("confirm-ok")).click();
            wait2.until(ExpectedConditions.textToBe(By.id("referral-status"), "已接收"));
        } finally {
            specialist.quit();
            try (var files = Files.walk(profile2)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        // the GP's open outbox follows without a reload (polled every 10 s)
        ((JavascriptExecutor) driver).executeScript("window.medunionMarker = 'still-here';");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(row, "已接收"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.medunionMarker")).isEqualTo("still-here");
        screenshot("referral-outbox-accepted");

        // a downward referral's follow-up task, marked done by the GP
        var down = org.medunion.support.Api.as(port, g.leadUser()).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"病情稳定","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "followUpTasks":[{"description":"两周后复测血压","dueDate":"%s"}],"submit":true}"""
                .formatted(g.primary().value(), g.contracted().value(), day.plusDays(13)));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        String task = down.json().get("carePlan").get("tasks").get(0).get("id").asString();
        driver.findElement(By.linkText("随访任务")).click();
        var taskRow = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-" + task)));
        taskRow.findElement(By.name("note")).sendKeys("血压 128/82");
        taskRow.findElement(By.tagName("button")).click();
        // the person by name and title, not the login name (issue 18)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-" + task), "GP sch-"));
        assertThat(driver.findElement(By.id("result-" + task)).getText()).doesNotContain(g.gpUser());
        screenshot("referral-follow-up-done");
    }

    private void logIn(String username, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        try {
            Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
