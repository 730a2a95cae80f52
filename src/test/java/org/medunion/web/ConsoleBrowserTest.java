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
import org.medunion.registry.RegistryManagement;
import org.medunion.support.H2Test;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (the system Chromium, headless): login with CSRF, the planner's workspace
 * with its htmx-loaded cards and chart, institution search as you type, a consortium's detail, the switch
 * to English and logout. Screenshots go to target/screenshots/.
 */
@H2Test
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    RegistryManagement registry;

    WebDriver driver;
    Path profile;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() throws IOException {
        // the system Chromium and driver, explicitly: Selenium Manager must not download anything
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.DRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        profile = Files.createTempDirectory("medunion-chromium-");
        var options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1360,1000", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        // a Chinese user: the console's first language comes from Accept-Language until ?lang= picks another
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(ChromiumAvailable.DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
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
