package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's chromium driven by Debian's chromedriver (both paths
 * given, so Selenium Manager never runs and nothing is downloaded). A report submitted through
 * Open311 appears on the map, turns amber and then red as the city's time passes, and its timeline
 * opens; a street's dispatcher sees only its street. Screenshots: target/screenshots/. Without the
 * two packages the test fails (it never skips): .ci/run installs them.
 */
class DashboardBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String PASSWORD = "browser-test-password";
  static final long GRID = 350302001001001L;
  static final Path SHOTS = Path.of("target", "screenshots");

  private static GridgovServer server;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    assertThat(new File(CHROMIUM))
        .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
        .canRead();
    assertThat(new File(CHROMEDRIVER))
        .as("Debian's chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
        .canRead();
    Files.createDirectories(SHOTS);
    server = TestServers.start(1_000, PASSWORD);
    profile = Files.createTempDirectory("gridgov-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static void login(String user) {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("login")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map")));
  }

  private static void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String light(String caseId) {
    By marker = By.id("m-" + caseId);
    waiting().until(ExpectedConditions.presenceOfElementLocated(marker));
    return String.valueOf(driver.findElement(marker).getDomAttribute("data-light"));
  }

  private static void waitForLight(String caseId, String light) {
    waiting()
        .until(
            d -> {
              List<WebElement> m = d.findElements(By.id("m-" + caseId));
              return !m.isEmpty() && light.equals(m.get(0).getDomAttribute("data-light"));
            });
  }

  @Test
  void aReportAppearsTurnsAmberThenRedAndShowsItsTimeline() throws Exception {
    login("district-350302");
    assertThat(driver.findElements(By.cssSelector("path.grid"))).hasSize(18);

    double[] p = TestServers.pointIn(GRID);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", TestServers.KEY);
    form.put("service_code", "0102");
    form.put("lat", Double.toString(p[1]));
    form.put("long", Double.toString(p[0]));
    form.put("description", "browser test");
    HttpResponse<String> r = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String caseId = "311-" + r.body().replaceAll(".*\"service_request_id\":(\\d+).*", "$1");

    assertThat(light(caseId)).isEqualTo("GREEN"); // pushed by Server-Sent Events, no reload
    waiting()
        .until(
            d -> {
              String open = d.findElement(By.id("g-" + GRID)).getDomAttribute("data-open");
              return open != null && Integer.parseInt(open) >= 1; // other tests share the grid
            });
    shot("1-reported-green.png");

    server.advanceTo(TestServers.START.plus(Duration.ofHours(17)));
    Thread.sleep(1500); // a tick and any update have arrived: still green at 17 h of 24
    assertThat(light(caseId)).isEqualTo("GREEN");
    server.advanceTo(TestServers.START.plus(Duration.ofHours(19))); // past 75 % of 24 h
    waitForLight(caseId, "AMBER");
    shot("2-amber.png");

    server.advanceTo(TestServers.START.plus(Duration.ofHours(25))); // past the deadline
    waitForLight(caseId, "RED");
    assertThat(driver.findElements(By.cssSelector("#supervision tr[data-id='" + caseId + "']")))
        .hasSize(1);
    shot("3-red-supervised.png");

    driver.findElement(By.id("row-" + caseId)).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timelineList li[data-type='SlaBreached']")));
    List<String> types =
        driver.findElements(By.cssSelector("#timelineList li")).stream()
            .map(e -> e.getDomAttribute("data-type"))
            .toList();
    assertThat(types)
        .containsSubsequence(
            "Reported", "Verified", "Registered", "Dispatched", "SlaWarning", "SlaBreached");
    shot("4-timeline.png");
  }

  @Test
  void aStreetDispatcherSeesOnlyItsStreet() throws Exception {
    double[] p = TestServers.pointIn(GRID); // street 350302001
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", TestServers.KEY);
    form.put("service_code", "0501");
    form.put("lat", Double.toString(p[1]));
    form.put("long", Double.toString(p[0]));
    HttpResponse<String> r = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String caseId = "311-" + r.body().replaceAll(".*\"service_request_id\":(\\d+).*", "$1");

    login("street-350302002");
    assertThat(driver.findElements(By.cssSelector("path.grid"))).hasSize(6);
    assertThat(driver.findElements(By.id("g-" + GRID))).isEmpty();
    Thread.sleep(1000);
    assertThat(driver.findElements(By.id("m-" + caseId))).isEmpty();
    assertThat(driver.findElements(By.id("row-" + caseId))).isEmpty();
    shot("5-street-view.png");
    driver.get(base() + "/dashboard/state?region=350302");
    assertThat(driver.getPageSource()).contains("not within street-350302002");
    driver.get(base() + "/dashboard/cases/" + caseId);
    assertThat(driver.getPageSource()).contains("no case");

    login("street-350302001");
    assertThat(light(caseId)).isIn("GREEN", "AMBER", "RED");
  }

  @Test
  void theDashboardNeedsALogin() {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/dashboard");
    assertThat(driver.getCurrentUrl()).endsWith("/login");
    driver.findElement(By.id("username")).sendKeys("district-350302");
    driver.findElement(By.id("password")).sendKeys("wrong");
    driver.findElement(By.id("login")).click();
    assertThat(driver.findElements(By.id("map"))).isEmpty();
    assertThat(driver.getCurrentUrl()).endsWith("/login");
  }
}
