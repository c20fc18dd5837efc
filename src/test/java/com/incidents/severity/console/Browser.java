package com.incidents.severity.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded at test
 * time (the driver's path is given, so Selenium Manager is never asked). Tests using it are skipped,
 * saying why, only where /usr/bin/chromium is absent; CI installs it (.ci/run).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the service at {@code base} (no trailing slash); skips the test where Chromium is not installed. */
    public static Browser open(String base) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed"
                        + " (apt-get install -y chromium chromium-driver; .ci/run does)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        // the page's console errors (CSP violations among them), for tests that read them
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.SEVERE);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks {@code css} and waits for the page it submits to replace this one. */
    public void clickAndWaitForPage(String css) {
        WebElement element = find(css);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(element));
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Signs in through the console's form; the browser keeps the session cookie. */
    public void signIn(String user) {
        go("/ui/login");
        find("#j_username").sendKeys(user);
        find("#j_password").sendKeys(user);
        find("form.login button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/ui/login"));
    }

    /**
     * Saves the whole page at 1280 and at 390 px wide as target/screenshots/{name}-{width}.png, and
     * fails if at either width the page is wider than the window (wide tables scroll in their own box).
     */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] { 1280, 390 }) {
                driver.manage().window().setSize(new Dimension(width, 900));
                // the window's size includes the browser's own bars: add them so the whole page is in view
                long height = (Long) ((JavascriptExecutor) driver).executeScript(
                        "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight);");
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 9000)));
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                org.junit.jupiter.api.Assertions.assertEquals("", tooWide(),
                        name + " is wider than a " + width + " px window");
            }
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1280 x 900 window with {@code css} scrolled into view, as target/screenshots/{name}.png (for the README). */
    public void view(String name, String css) {
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.manage().window().setSize(new Dimension(1280, 900));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", find(css));
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What sticks out of the window: empty when the page is no wider than it. */
    private String tooWide() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                var w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w + 1) return '';
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.right));
                });
                return out.join(', ') || 'something';
                """);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
