package org.medunion.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless system Chromium for a browser test class ({@link ConsoleBrowserTest#chromium}): its own profile,
 * removed on close, a wait, the console's login as a demo account and screenshots into target/screenshots/.
 */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final int port;

    private Browser(WebDriver driver, Path profile, int port, Duration timeout) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
        this.wait = new WebDriverWait(driver, timeout);
        // a page or table re-rendered while a condition polls leaves the element it found stale: look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    static Browser start(int port, Duration timeout) throws IOException {
        // the system Chromium and driver, explicitly: Selenium Manager must not download anything
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.DRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        Path profile = Files.createTempDirectory("medunion-chromium-");
        Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
        return new Browser(ConsoleBrowserTest.chromium(profile), profile, port, timeout);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in as {@code user} (password "demo") with fresh cookies, whoever was logged in before. */
    void login(String user) {
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
