package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anquan.directory.demo.DemoCity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** End to end in the system's headless Chromium (Debian's chromium and chromium-driver). */
@IntegrationTest
class BrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    void login(String username) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoCity.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=who]")));
    }

    @Test
    void aCountyOfficerFiltersEnterprisesAndSeesOnlyItsCounty() {
        login("county");
        driver.get("http://localhost:" + port + "/enterprises");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String firstBefore = driver.findElement(By.cssSelector("[data-test=enterprise-row] a")).getText();

        new Select(driver.findElement(By.id("f-industry"))).selectByValue("HAZ_CHEM");
        // the table is replaced in place by htmx and the filter lands in the address bar
        wait.until(ExpectedConditions.urlContains("industry=HAZ_CHEM"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-test=enterprise-row] a")).isEmpty()
                && d.findElements(By.cssSelector("[data-test=enterprise-row] td:nth-child(3)")).stream()
                .allMatch(td -> td.getText().equals("危险化学品")));

        List<WebElement> counties = driver.findElements(By.cssSelector("[data-test=county]"));
        assertThat(counties).isNotEmpty();
        assertThat(counties).extracting(WebElement::getText).containsOnly("平安区");
        long expected = jdbc.sql("""
                SELECT COUNT(*) FROM enterprise e JOIN region c ON e.region_path LIKE c.path || '%'
                WHERE c.name = '平安区' AND e.industry_code = 'HAZ_CHEM'""").query(Long.class).single();
        assertThat(driver.findElement(By.cssSelector("[data-test=total]")).getText()).startsWith("共 " + expected + " 条");
        assertThat(firstBefore).isNotBlank();
        screenshot("enterprises-county");
    }

    /** Keeps a picture of the page under target/screenshots for people reviewing a build. */
    static void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
