package org.medunion.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One Chromium with a throw-away profile for a browser test class: log in, wait, take screenshots, clean up. */
final class ChromiumSession implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final int port;

    ChromiumSession(int port) throws IOException {
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.DRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        this.port = port;
        this.profile = Files.createTempDirectory("medunion-chromium-");
        this.driver = ConsoleBrowserTest.chromium(profile);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in through the login page as a demo account (password "demo"). */
    void login(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
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
