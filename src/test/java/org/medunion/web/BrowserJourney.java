package org.medunion.web;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medunion.identity.AccountManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.support.H2Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser test of a role's main job needs (issue 18): the application on the demo city, one headless
 * Chromium ({@link Browser}) for the class with a 30-second wait, and the module APIs the tests set their scene
 * with. Subclasses walk the console as a user would.
 */
@H2Test
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    RegistryManagement registry;

    @Autowired
    ResidentsManagement residents;

    @Autowired
    AccountManagement accounts;

    Browser browser;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start(port, Duration.ofSeconds(30));
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }
}
