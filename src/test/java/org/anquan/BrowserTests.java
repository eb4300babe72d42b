package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.anquan.citizen.reports.CitizenFixtures;
import org.anquan.directory.Directory;
import org.anquan.directory.demo.DemoCityFixtures;
import org.anquan.hazards.register.ExifPhotos;
import org.anquan.hazards.register.HazardGrade;
import org.anquan.hazards.register.HazardInput;
import org.anquan.hazards.register.HazardService;
import org.anquan.hazards.register.HazardSource;
import org.anquan.platform.security.Accounts;
import org.anquan.traffic.wim.Stations;
import org.anquan.traffic.wim.TrafficIntakeTests;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** End to end in the system's headless Chromium (Debian's chromium and chromium-driver). */
@IntegrationTest
class BrowserTests {

    @Autowired Clock clock;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver driver;
    /** The widths the workbench is tried at: an office screen and a phone. */
    static final Dimension DESK = new Dimension(1440, 1600);
    static final Dimension PHONE = new Dimension(390, 844);

    @Autowired HazardService hazards;
    @Autowired Accounts accounts;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String missing = "Debian's chromium and chromium-driver are not installed (.ci/run installs them)";
        if ("true".equals(System.getenv("CI"))) {
            // in CI a missing browser is a broken set-up, not a reason to skip
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESK);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Signs in as a demo account whose lists show as they do to a new person: all columns, no remembered filters. */
    void login(String username) {
        jdbc.sql("DELETE FROM list_preference WHERE account_id = (SELECT id FROM user_account WHERE username = :u)")
                .param("u", username).update();
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoCityFixtures.DEMO_PASSWORD);
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
        // the sidebar marks where the person is
        WebElement current = driver.findElement(By.cssSelector("#sidebar a.nav-link[aria-current=page]"));
        assertThat(current.getText()).isEqualTo("企业名录");
        screenshot("enterprises-county");
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    void setValue(String id, String value) {
        WebElement el = driver.findElement(By.id(id));
        if ("date".equals(el.getAttribute("type")) || "datetime-local".equals(el.getAttribute("type"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", el, value);
        } else {
            el.clear();
            el.sendKeys(value);
        }
    }

    /** Scrolls the element to the middle of the window (clear of the sticky top bar) and clicks it. */
    static void press(WebElement el) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", el);
        el.click();
    }

    /** Chooses the enterprise in the picker by typing the start of its name, as a person does. */
    void pickEnterprise(long enterprise) {
        String name = jdbc.sql("SELECT name FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
        WebElement box = driver.findElement(By.id("enterpriseId-q"));
        box.sendKeys(name.substring(0, Math.min(name.length(), 6)));
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.cssSelector("#enterpriseId-list [data-id='" + enterprise + "']")).isEmpty());
        screenshot("picker-enterprise");
        press(driver.findElement(By.cssSelector("#enterpriseId-list [data-id='" + enterprise + "']")));
        wait.until(d -> String.valueOf(enterprise).equals(d.findElement(By.id("enterpriseId")).getDomProperty("value")));
        assertThat(box.getDomProperty("value")).isEqualTo(name);
    }

    /** Waits until the page (reloaded after an action) shows the status: never holds an element a reload may replace. */
    void expectStatus(String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "hazard status " + expected)
                .until(d -> d.findElements(By.cssSelector("[data-test=hazard-status]")).stream()
                        .anyMatch(e -> expected.equals(e.getText())));
    }

    /** Waits until the element's page is gone; asking a node of a page being replaced may fail either way it says so. */
    void waitUntilReplaced(WebElement page) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Presses and waits until the page it was on has been replaced by the answer. */
    void pressAndWaitForReload(WebElement el) {
        WebElement page = driver.findElement(By.tagName("main"));
        press(el);
        waitUntilReplaced(page);
    }

    /** An irreversible action: the browser asks first, saying what will happen; the person agrees. */
    void confirmAndWaitForReload(String dataTest, String words) {
        WebElement page = driver.findElement(By.tagName("main"));
        // a part of the page loaded after it (htmx) may bring the button a moment later
        press(new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=" + dataTest + "]"))));
        var alert = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains(words);
        alert.accept();
        waitUntilReplaced(page);
    }

    void clickAndWaitForReload(String dataTest) {
        pressAndWaitForReload(driver.findElement(By.cssSelector("[data-test=" + dataTest + "]")));
    }

    @Test
    void aMajorHazardIsListedPublishedAcceptedOnSiteAndDelistedAcrossThreeRoles() throws Exception {
        long enterprise = jdbc.sql("SELECT enterprise_id FROM user_account WHERE username = 'enterprise'").query(Long.class).single();
        String deadline = LocalDate.now(clock).plusDays(20).toString();

        // the department officer reports a major hazard found on inspection
        login("dept");
        open("/hazards/new");
        new Select(driver.findElement(By.id("source"))).selectByValue("DEPT_INSPECTION");
        pickEnterprise(enterprise);
        new Select(driver.findElement(By.id("grade"))).selectByValue("MAJOR");
        setValue("description", "液氯储罐区有毒气体报警器失效，联锁未投用");
        setValue("deadline", deadline);
        pressAndWaitForReload(driver.findElement(By.cssSelector("main form[action$='/hazards'] button[type=submit]")));
        expectStatus("已交办");
        String hazardUrl = driver.getCurrentUrl();

        // the county office lists it (挂牌督办) with a numbered notice; the public page shows it
        login("county");
        driver.get(hazardUrl);
        WebElement listForm = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=list-form]")));
        press(listForm.findElement(By.tagName("summary")));
        setValue("listDeadline", deadline);
        setValue("listPerson", "王强");
        confirmAndWaitForReload("list", "挂牌督办");
        String number = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test=listing-record] .font-monospace"))).getText();
        assertThat(number).matches(".+安委办挂督〔\\d{4}〕\\d+号");
        open("/public/listed");
        assertThat(driver.findElements(By.cssSelector("[data-test=listed]"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains(number) && t.contains("液氯储罐区") && t.contains("挂牌督办中"));

        // the enterprise puts the five in place, starts, shows the evidence and submits
        login("enterprise");
        driver.get(hazardUrl);
        setValue("planMeasures", "更换报警器，恢复联锁，停用储罐区");
        setValue("planFunds", "180000");
        setValue("planDeadline", deadline);
        setValue("planOwner", "王强");
        setValue("planEmergency", "液氯泄漏专项应急预案");
        clickAndWaitForReload("save-plan");
        clickAndWaitForReload("start");
        expectStatus("整改中");
        Path photo = Files.createTempFile("evidence", ".png");
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", photo.toFile());
        driver.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        pressAndWaitForReload(driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")));
        // a major hazard is submitted with the enterprise's written application: a photo of the signed letter
        driver.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("kind"))).selectByValue("APPLICATION");
        pressAndWaitForReload(driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")));
        clickAndWaitForReload("submit");
        expectStatus("待验收");

        // the listing office accepts it on site (销号), records who and what they found, and delists it
        login("county");
        driver.get(hazardUrl);
        setValue("inspectors", "赵刚（执法证 34120020260007）、孙丽");
        setValue("findings", "报警器更换，联锁投用，现场测试合格");
        confirmAndWaitForReload("accept", "销号");
        expectStatus("已销号");
        confirmAndWaitForReload("delist", "摘牌");
        open("/public/listed");
        assertThat(driver.findElements(By.cssSelector("[data-test=listed]"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains(number) && t.contains("已摘牌"));
        driver.get(hazardUrl);
        assertThat(driver.findElements(By.cssSelector("[data-test=event]"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("市应急管理局监管科干部") && t.contains("上报"))
                .anyMatch(t -> t.contains("企业安全管理员") && t.contains("提交验收"))
                .anyMatch(t -> t.contains("平安区应急管理局干部") && t.contains("现场验收销号"));
        screenshot("hazard-closed");
        Files.deleteIfExists(photo);
    }

    /** The number of accidents the statistics page's sentence gives for this year so far. */
    long accidentsThisYear() {
        open("/statistics/accidents");
        String sentence = driver.findElement(By.cssSelector("[data-test=sentence]")).getText();
        Matcher m = Pattern.compile("共发生各类生产安全事故(\\d+)起").matcher(sentence);
        assertThat(m.find()).as(sentence).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void anAccidentIsReportedRegradedByASupplementaryReportAndCountedInTheStatistics() {
        long enterprise = jdbc.sql("SELECT enterprise_id FROM user_account WHERE username = 'enterprise'").query(Long.class).single();
        login("county");
        long before = accidentsThisYear();
        open("/accidents/new");
        pickEnterprise(enterprise);
        new Select(driver.findElement(By.id("kind"))).selectByValue("POISONING_ASPHYXIA");
        setValue("occurredAt", LocalDateTime.now(clock).minusMinutes(30).withSecond(0).withNano(0).toString());
        setValue("scene", "污水处理站调节池");
        setValue("account", "清淤作业未检测即进入，一人中毒，一人施救时晕倒");
        setValue("deaths", "1");
        setValue("seriousInjuries", "1");
        setValue("directLossYuan", "400000");
        setValue("measures", "停止作业，伤员送医，现场封闭");
        pressAndWaitForReload(driver.findElement(By.cssSelector("[data-test=submit-accident]")));
        assertThat(driver.findElement(By.cssSelector("[data-test=accident-grade]")).getText()).isEqualTo("一般事故");
        String accidentUrl = driver.getCurrentUrl();

        // the injured died, and a third worker: 补报 raises it to 较大
        setValue("s-deaths", "3");
        confirmAndWaitForReload("supplement", "等级");
        assertThat(driver.findElement(By.cssSelector("[data-test=accident-grade]")).getText()).isEqualTo("较大事故");
        assertThat(driver.findElement(By.cssSelector("[data-test=supplements]")).getText()).contains("由一般事故升为较大事故");
        screenshot("accident-regraded");
        assertThat(accidentsThisYear()).isEqualTo(before + 1);
        // the charts draw, and another grouping redraws the results in place (htmx), its chart too
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[data-test=trend-chart] canvas")).isEmpty());
        new Select(driver.findElement(By.id("groupBy"))).selectByValue("INDUSTRY");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("[data-test=statistics] thead th")).getText().equals("行业"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[data-test=group-chart] canvas")).isEmpty());
        assertThat(driver.getCurrentUrl()).contains("groupBy=INDUSTRY");
        assertThat(driver.findElements(By.cssSelector("#statistics-results #statistics-results"))).isEmpty();
        screenshot("statistics-by-industry");
        driver.get(accidentUrl);
        assertThat(driver.findElement(By.cssSelector("[data-test=accountability-form]")).isDisplayed()).isTrue();
        screenshot("accident-follow-up");
    }

    @Test
    void everyRolesHomePageShowsItsOwnWorkOnADeskAndOnAPhone() {
        for (var entry : new TreeMap<>(WebTestSupport.DEMO_USERS).entrySet()) {
            String role = entry.getKey();
            String user = entry.getValue();
            login(user);
            for (var size : List.of(DESK, PHONE)) {
                driver.manage().window().setSize(size);
                try {
                    open("/");
                    new WebDriverWait(driver, Duration.ofSeconds(10))
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=who]")));
                    List<WebElement> cards = driver.findElements(By.cssSelector("[data-test=work-cards] .card"));
                    switch (role) {
                        // the leader's home is a read-only overview: charts, no to-do cards
                        case "LEADER", "DISCIPLINE" -> assertThat(cards).as(role).isEmpty();
                        case "COUNTY_OFFICER", "DEPT_OFFICER", "CITY_ADMIN" -> assertThat(cards).as(role).hasSizeGreaterThanOrEqualTo(5);
                        case "ENTERPRISE_USER" -> assertThat(cards).as(role).extracting(WebElement::getText)
                                .noneMatch(t -> t.contains("待核实")).anyMatch(t -> t.contains("整改"));
                        default -> { }
                    }
                    if (role.equals("LEADER") || role.equals("CITY_ADMIN")) {
                        new WebDriverWait(driver, Duration.ofSeconds(10))
                                .until(d -> !d.findElements(By.cssSelector(".weekly-chart canvas")).isEmpty());
                    }
                    // nothing is wider than the screen: no sideways scrolling on a phone
                    long overflow = ((Number) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
                    assertThat(overflow).as("%s at %d px", role, size.getWidth()).isLessThanOrEqualTo(0);
                    if (size == PHONE) {
                        // on a phone the cards stay readable: two to a row, none narrower than a thumb
                        assertThat(cards).allMatch(card -> card.getSize().getWidth() >= 140);
                    }
                    screenshot("home-" + user + (size == PHONE ? "-phone" : ""));
                } finally {
                    driver.manage().window().setSize(DESK);
                }
            }
        }
    }

    @Test
    void onAPhoneEveryListsRowsBecomeCardsWithEachValueNamed() {
        login("admin");
        driver.manage().window().setSize(PHONE);
        try {
            for (String page : List.of("/supervision", "/supervision/reinspections", "/hazards/measures", "/hazards/rankings",
                    "/admin/accounts", "/admin/audit", "/departments", "/regions")) {
                open(page);
                List<WebElement> rows = driver.findElements(By.cssSelector("main table:not([data-no-cards]) tbody tr")).stream()
                        .filter(tr -> tr.findElements(By.cssSelector("td")).size() > 1).toList();
                assertThat(rows).as(page + " has rows").isNotEmpty();
                WebElement row = rows.get(0);
                assertThat(row.getCssValue("display")).as(page).isEqualTo("block");
                assertThat(row.getSize().getWidth()).as(page).isGreaterThan(300);
                List<WebElement> named = row.findElements(By.cssSelector("td[data-label]"));
                assertThat(named).as(page + ": cells named after their column").isNotEmpty();
                screenshot("phone" + page.replace('/', '-'));
            }
        } finally {
            driver.manage().window().setSize(DESK);
        }
    }

    @Test
    void onAPhoneThePickerSaysWhatItNeedsAndIsChosenWithTheKeyboard() {
        long enterprise = jdbc.sql("SELECT enterprise_id FROM user_account WHERE username = 'enterprise'").query(Long.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
        login("county");
        driver.manage().window().setSize(PHONE);
        try {
            open("/hazards/new");
            WebElement box = driver.findElement(By.id("enterpriseId-q"));
            var wait = new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
            box.sendKeys(name.substring(0, 1));
            wait.until(d -> d.findElements(By.cssSelector("#enterpriseId-list [data-test=picker-hint]")).stream()
                    .anyMatch(e -> e.getText().equals("请至少输入两个字。")));
            box.sendKeys(name.substring(1, Math.min(name.length(), 6)));
            wait.until(d -> !d.findElements(By.cssSelector("#enterpriseId-list [data-id='" + enterprise + "']")).isEmpty());
            screenshot("picker-phone");
            // down through the choices to the one wanted, Enter chooses it
            for (int i = 0; i < 10 && !String.valueOf(enterprise).equals(driver.switchTo().activeElement().getDomAttribute("data-id")); i++) {
                driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            }
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(d -> String.valueOf(enterprise).equals(d.findElement(By.id("enterpriseId")).getDomProperty("value")));
            assertThat(box.getDomProperty("value")).isEqualTo(name);
            assertThat(box.getSize().getWidth()).isGreaterThan(300);
        } finally {
            driver.manage().window().setSize(DESK);
        }
    }

    @Test
    void onAPhoneTheRegistersRowsBecomeCardsWithEachValueNamed() {
        login("county");
        driver.manage().window().setSize(PHONE);
        try {
            open("/hazards");
            WebElement row = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=hazard-row]")));
            // a row is as wide as the screen allows, not squeezed into columns a character wide
            assertThat(row.getSize().getWidth()).isGreaterThan(300);
            // of the header only what can be pressed stays: the sortable columns and "choose this page"
            assertThat(driver.findElement(By.cssSelector("[data-test=sort-deadline]")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("table.table-cards thead th:not([aria-sort]):not(.select-cell)")))
                    .noneMatch(WebElement::isDisplayed);
            screenshot("hazards-phone");
        } finally {
            driver.manage().window().setSize(DESK);
        }
    }

    @Test
    void aClickOnTheMapPutsThePointIntoTheReportFormToSixDecimals() {
        login("dept");
        open("/hazards/new");
        WebElement map = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-map canvas")));
        // the map fills the inputs on its click handler: wait for it rather than read at once; a click the page took while
        // it was still settling (the layout moving under the pointer) is made again, as a person would
        for (int attempt = 0; attempt < 3 && driver.findElement(By.id("lon")).getDomProperty("value").isEmpty(); attempt++) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
            new Actions(driver).moveToElement(map).click().perform();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("lon")).getDomProperty("value").isEmpty());
            } catch (TimeoutException notYet) {
                screenshot("map-point-picker-attempt-" + attempt);
            }
        }
        String lon = driver.findElement(By.id("lon")).getDomProperty("value");
        String lat = driver.findElement(By.id("lat")).getDomProperty("value");
        assertThat(lon).matches("\\d+\\.\\d{6}");
        assertThat(lat).matches("\\d+\\.\\d{6}");
        var city = jdbc.sql("SELECT MIN(min_lon), MAX(max_lon), MIN(min_lat), MAX(max_lat) FROM region WHERE region_level = 'COUNTY'")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        assertThat(Double.parseDouble(lon)).isBetween(city[0] - 0.5, city[1] + 0.5);
        assertThat(Double.parseDouble(lat)).isBetween(city[2] - 0.5, city[3] + 0.5);
        screenshot("map-point-picker");

        // a photo that carries where it was taken places the point by itself
        Path photo = Path.of("target/exif-gps.jpg");
        try {
            Files.write(photo, ExifPhotos.jpegTakenAt(118.02, 30.02));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "118.020000".equals(d.findElement(By.id("lon")).getDomProperty("value")));
        assertThat(driver.findElement(By.id("lat")).getDomProperty("value")).isEqualTo("30.020000");
        assertThat(driver.findElement(By.cssSelector("[data-exif-result]")).getText()).contains("已按照片的拍摄位置标出");
        assertThat(driver.findElement(By.id("photo-name")).getText()).isEqualTo("exif-gps.jpg");
        screenshot("map-point-from-photo");
    }

    /** The deadlines the register shows, in its order (empty for a hazard not yet assigned). */
    List<String> shownDeadlines() {
        return driver.findElements(By.cssSelector("[data-test=hazard-row] [data-test=deadline]")).stream()
                .map(WebElement::getText).toList();
    }

    void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    }

    @Test
    void theRegisterSortsByAHeaderKeepsTheOrderAcrossPagesAndFiltersOnADeskAndOnAPhone() {
        login("county");
        for (var size : List.of(DESK, PHONE)) {
            driver.manage().window().setSize(size);
            try {
                open("/hazards?forget=true");
                press(driver.findElement(By.cssSelector("[data-test=sort-deadline]")));
                waitForUrl("sort=deadline");
                var wait = new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
                wait.until(d -> "ascending".equals(d.findElement(By.cssSelector("th[aria-sort]:has([data-test=sort-deadline])"))
                        .getDomAttribute("aria-sort")));
                List<String> first = shownDeadlines();
                assertThat(first).isNotEmpty().isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
                press(driver.findElement(By.cssSelector("[data-test=page-number][href*='page=2']")));
                waitForUrl("page=2");
                wait.until(d -> !shownDeadlines().equals(first));
                assertThat(driver.getCurrentUrl()).contains("sort=deadline");
                // the last deadline of page one comes no later than the first of page two
                assertThat(shownDeadlines().get(0)).isGreaterThanOrEqualTo(first.get(first.size() - 1));
                new Select(driver.findElement(By.id("f-grade"))).selectByValue("GENERAL");
                waitForUrl("grade=GENERAL");
                assertThat(driver.getCurrentUrl()).contains("sort=deadline");
                screenshot(size == DESK ? "hazards-sorted" : "hazards-sorted-phone");
                // the next visit to the bare register comes back to this filter and order
                open("/hazards");
                waitForUrl("grade=GENERAL");
                assertThat(driver.getCurrentUrl()).contains("sort=deadline");
            } finally {
                driver.manage().window().setSize(DESK);
            }
        }
    }

    @Test
    void aBulkAssignmentSaysHowManyAsksFirstAndAssignsEveryChosenHazard() {
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var h = hazards.report(new HazardInput(HazardSource.CITIZEN, null,
                    "平安城关街道批量交办" + i, 118.02, 30.02, "ROAD_TRANSPORT", null, "人行道井盖破损", HazardGrade.GENERAL,
                    null, null, null, null, null, null), admin);
            chosen.add(hazards.verify(h.getId(), h.getVersion(), admin).getId());
        }
        login("county");
        driver.manage().window().setSize(PHONE);
        try {
            open("/hazards?status=VERIFIED&sort=-code");
            for (long id : chosen) {
                press(driver.findElement(By.cssSelector("[data-test=select-row][value^='" + id + ":']")));
            }
            assertThat(driver.findElement(By.cssSelector("[data-bulk-count]")).getText()).isEqualTo("已选 2 条");
            press(driver.findElement(By.cssSelector("[data-test=bulk-assign-open]")));
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-deadline")));
            setValue("bulk-deadline", LocalDate.now(clock).plusDays(20).toString());
            setValue("bulk-person", "赵刚");
            screenshot("bulk-assign-phone");
            confirmAndWaitForReload("bulk-assign", "将把所选 2 条隐患交办整改");
            assertThat(driver.findElement(By.cssSelector("[data-test=bulk-notice]")).getText()).isEqualTo("已交办 2 条隐患");
            // back on the list as it was left
            assertThat(driver.getCurrentUrl()).contains("status=VERIFIED").contains("sort=-code");
            screenshot("bulk-assigned-phone");
        } finally {
            driver.manage().window().setSize(DESK);
        }
        for (long id : chosen) {
            assertThat(jdbc.sql("SELECT status FROM hazard WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("ASSIGNED");
        }
        open("/hazards?size=50");
        press(driver.findElement(By.cssSelector("[data-test=select-page]")));
        assertThat(driver.findElement(By.cssSelector("[data-bulk-count]")).getText()).isEqualTo("已选 50 条");
        screenshot("bulk-selected");
    }

    @Test
    void theRegisterAsAMapClustersThePointsAtCityZoomOnADeskAndOnAPhone() {
        login("admin");
        for (var size : List.of(DESK, PHONE)) {
            driver.manage().window().setSize(size);
            try {
                open("/hazards/map?forget=true");
                WebElement map = new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=hazard-map][data-map-ready]")));
                int points = Integer.parseInt(map.getDomAttribute("data-map-ready"));
                assertThat(points).isGreaterThan(50);
                // every point is drawn once: alone, or counted in a circle; seen whole, the city has circles
                List<?> drawn = (List<?>) ((JavascriptExecutor) driver).executeScript(
                        "var o = echarts.getInstanceByDom(arguments[0]).getOption();"
                                + "var circles = o.series[1].data; var sum = 0;"
                                + "circles.forEach(function (c) { sum += c.value[2]; });"
                                + "return [o.series[0].data.length, circles.length, sum];", map);
                long single = ((Number) drawn.get(0)).longValue();
                long circles = ((Number) drawn.get(1)).longValue();
                long inCircles = ((Number) drawn.get(2)).longValue();
                assertThat(circles).isPositive();
                assertThat(single + inCircles).isEqualTo(points);
                screenshot(size == DESK ? "hazard-map" : "hazard-map-phone");
            } finally {
                driver.manage().window().setSize(DESK);
            }
        }
        open("/public/listed");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=listed-map][data-map-ready] canvas")));
        screenshot("public-listed-map");
    }

    /** Keeps a picture of the page under target/screenshots for people reviewing a build. */
    @Autowired ApplicationContext context;

    @Test
    void onAPhoneACitizenFilesAReportWithAPhotoAndFollowsItByItsCodeToClosed() throws Exception {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(PHONE);
        Path photo = Path.of("target/citizen-photo.jpg");
        Files.write(photo, ExifPhotos.jpegTakenAt(118.02, 30.02));
        try {
            open("/report");
            press(driver.findElement(By.id("cat-ROAD_DANGER")));
            driver.findElement(By.id("description")).sendKeys("急弯处护栏被撞断，晚上没有警示");
            driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
            // the photo's position is offered as the place: the map fills the point
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("lon")).getDomProperty("value").isEmpty());
            assertThat(Double.parseDouble(driver.findElement(By.id("lat")).getDomProperty("value"))).isCloseTo(30.02,
                    Offset.offset(1e-5));
            screenshot("citizen-report-phone");
            press(driver.findElement(By.cssSelector("[data-test=submit]")));
            String code = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=tracking-code]"))).getText().strip();
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
            screenshot("citizen-submitted-phone");

            // the officers review it, register nothing, and close it with an answer
            long id = jdbc.sql("SELECT id FROM citizen_report WHERE tracking_code = :c").param("c", code).query(Long.class).single();
            var a = accounts.findByUsername("county").orElseThrow();
            var county = accounts.principalOf(a.id()).user();
            CitizenFixtures.accept(context, id, 0, county);
            CitizenFixtures.close(context, id, 1, "护栏已修复，并增设了警示标志。", county);

            open("/report/track");
            driver.findElement(By.id("code")).sendKeys(code.toLowerCase());
            press(driver.findElement(By.cssSelector("main button[type=submit]")));
            WebElement stage = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=stage]")));
            assertThat(stage.getText()).isEqualTo("已办结");
            assertThat(driver.findElement(By.cssSelector("[data-test=reply]")).getText()).contains("护栏已修复");
            // the photo loads lazily: once scrolled into view it is there, decoded
            WebElement img = driver.findElement(By.cssSelector("img.citizen-photo"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", img);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() > 0);
            assertThat(driver.findElement(By.tagName("body")).getSize().getWidth()).isLessThanOrEqualTo(PHONE.getWidth());
            screenshot("citizen-status-phone");
        } finally {
            driver.manage().window().setSize(DESK);
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void aWarningDraftedByTheDutyOfficerIsPublishedWithTheOfficesApprovalAndReadOnThePublicPageAndInTheFeed() {
        login("duty");
        open("/alerts/new");
        new Select(driver.findElement(By.id("f-category"))).selectByValue("Transport");
        driver.findElement(By.id("f-event")).sendKeys("节日出行提示");
        driver.findElement(By.id("f-headline")).sendKeys("元旦假期出行提示（浏览器测试）");
        driver.findElement(By.id("f-description")).sendKeys("S21城关隧道假期车流量大。");
        driver.findElement(By.id("f-instruction")).sendKeys("请减速慢行，保持车距。");
        press(driver.findElement(By.cssSelector("input[name=countyIds]")));
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        driver.findElement(By.id("f-onset")).sendKeys(now.toString());
        driver.findElement(By.id("f-expires")).sendKeys(now.plusDays(2).toString());
        clickAndWaitForReload("save-draft");
        assertThat(driver.findElement(By.cssSelector("[data-test=alert-status]")).getText()).isEqualTo("草稿");
        clickAndWaitForReload("submit-alert");
        assertThat(driver.findElement(By.cssSelector("[data-test=alert-status]")).getText()).isEqualTo("待审批");
        assertThat(driver.findElements(By.cssSelector("[data-test=approve-alert]"))).as("the author cannot approve").isEmpty();
        String url = driver.getCurrentUrl();

        login("admin");
        driver.get(url);
        confirmAndWaitForReload("approve-alert", "向公众发布");
        assertThat(driver.findElement(By.cssSelector("[data-test=alert-status]")).getText()).isEqualTo("已发布");
        screenshot("alert-published");

        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(PHONE);
        try {
            open("/public/alerts");
            assertThat(driver.findElements(By.cssSelector("[data-test=public-alert] h2")).stream().map(WebElement::getText))
                    .contains("元旦假期出行提示（浏览器测试）");
            screenshot("alerts-public-phone");
            open("/public/alerts.atom");
            assertThat(driver.getPageSource()).contains("元旦假期出行提示（浏览器测试）").contains("application/cap+xml");
        } finally {
            driver.manage().window().setSize(DESK);
        }
    }

    @Test
    void theDutyOfficerDrawsUnitsOnDutyCallsThemAndRecordsWhoAnswered() {
        login("duty");
        open("/duty/spot-checks");
        WebElement size = driver.findElement(By.id("size"));
        size.clear();
        size.sendKeys("2");
        clickAndWaitForReload("draw");
        List<WebElement> calls = driver.findElements(By.cssSelector("[data-test=call]"));
        assertThat(calls).hasSize(2);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("随机种子");
        // the first unit: answered by someone else in 20 seconds, the leader not on post
        WebElement first = calls.get(0);
        String unit = first.findElement(By.tagName("strong")).getText();
        new Select(first.findElement(By.cssSelector("select[name=result]"))).selectByValue("OTHER");
        first.findElement(By.cssSelector("input[name=seconds]")).sendKeys("20");
        new Select(first.findElement(By.cssSelector("select[name=leaderOnPost]"))).selectByValue("false");
        pressAndWaitForReload(first.findElement(By.cssSelector("[data-test=record-call]")));
        assertThat(driver.findElement(By.cssSelector("[data-test=call-result]")).getText()).isEqualTo("他人接听");
        screenshot("duty-spot-check");

        open("/duty/spot-checks");
        var failing = driver.findElements(By.cssSelector("[data-test=rank].table-danger")).stream().map(WebElement::getText).toList();
        assertThat(failing).anyMatch(text -> text.startsWith(unit));
    }

    @Autowired Stations trafficStations;
    @Autowired JsonMapper json;

    @Test
    void anOverLimitReadingOpensACaseThatTheCountyOfficerTracesThroughItsFourPartiesToClosed() throws Exception {
        // a station of the county officer's county sends an over-limit reading with its own token
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        long county = accounts.principalOf(accounts.findByUsername("county").orElseThrow().id()).user().regionId();
        var p = directory.randomPointIn(county, new Random(42)).orElseThrow();
        var station = trafficStations.register(new Stations.StationInput("E2E-WIM", "端到端治超站", "G205", "K88+200",
                "北向", p.lat(), p.lon(), county, "公路中心"), admin);
        var reading = TrafficIntakeTests.reading("E2E-WIM", 1, OffsetDateTime.now(clock).minusMinutes(20), "皖A5E2E5",
                57_300);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/traffic/readings"))
                .header("Authorization", "Bearer " + station.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(List.of(reading)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("answers").get(0).get("overLimit").asBoolean()).isTrue();

        login("county");
        open("/traffic/cases?plate=皖A5E2E5");
        pressAndWaitForReload(driver.findElement(By.linkText("皖A5E2E5")));
        String caseUrl = driver.getCurrentUrl();
        // the judgment behind it, line by line
        pressAndWaitForReload(driver.findElement(By.cssSelector("[data-test=reading-link]")));
        assertThat(driver.findElement(By.cssSelector("[data-test=judgment-steps]")).getText()).contains("49,000").contains("超限 8,300 千克");
        screenshot("traffic-reading");
        driver.get(caseUrl);

        String[][] parties = {{"DRIVER", "王某某", "南湖县", "南湖县公安局交通警察大队"}, {"OWNER", "南湖县顺达物流运输有限公司", "南湖县", "南湖县交通运输局"},
                {"SOURCE", "", "", ""}, {"REGULATOR", "南湖县交通运输局", "南湖县", "南湖县人民政府"}};
        for (String[] party : parties) {
            By card = By.cssSelector("[data-test=party-" + party[0] + "]");
            if (party[0].equals("SOURCE")) {
                new Select(driver.findElement(card).findElement(By.name("sourceUnitId"))).selectByIndex(1);
            } else {
                for (String[] field : new String[][] {{"name", party[1]}, {"registeredPlace", party[2]}, {"authority", party[3]}}) {
                    WebElement input = driver.findElement(card).findElement(By.name(field[0]));
                    input.clear();
                    input.sendKeys(field[1]);
                }
            }
            pressAndWaitForReload(driver.findElement(card).findElement(By.cssSelector("[data-test=identify]")));
            WebElement page = driver.findElement(By.tagName("main"));
            press(driver.findElement(card).findElement(By.cssSelector("[data-test=notify]")));
            var ask = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            assertThat(ask.getText()).contains("抄告");
            ask.accept();
            waitUntilReplaced(page);
            assertThat(driver.findElement(card).getText()).contains("治超办抄〔");
            driver.findElement(card).findElement(By.name("answer")).sendKeys("已依法处理并书面反馈。");
            page = driver.findElement(By.tagName("main"));
            press(driver.findElement(card).findElement(By.cssSelector("[data-test=answer]")));
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            waitUntilReplaced(page);
            assertThat(driver.findElement(card).getText()).contains("已反馈");
        }
        assertThat(driver.findElement(By.cssSelector("[data-test=case-status]")).getText()).isEqualTo("已办结");
        screenshot("traffic-case-closed");
    }

    static void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
