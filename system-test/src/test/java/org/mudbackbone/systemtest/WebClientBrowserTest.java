package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web client in a real browser (Debian's headless Chromium, driven through chromium-driver by
 * Selenium) against a real gateway, broker and world. Skipped, with a message, where either is
 * not installed.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class WebClientBrowserTest {

    private static final String PASSWORD = "correct-horse-battery";
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Optional<Path> chromium = RealClients.find("chromium");
        Optional<Path> driver = RealClients.find("chromedriver");
        assumeTrue(chromium.isPresent(), "the browser tests need Chromium: apt-get install chromium");
        assumeTrue(driver.isPresent(), "the browser tests need its driver: apt-get install chromium-driver");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1000,640");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlayerLogsInLooksFollowsAnExitAndResumesAfterTheConnectionIsCut(KafkaBroker broker) throws Exception {
        String hero = Names.unique("Web");
        String other = Names.unique("Tel");
        try (Stack stack = Stack.start(broker.bootstrapServers());
                CuttableProxy network = new CuttableProxy(stack.webPort());
                TelnetTestClient talker = new TelnetTestClient(stack.telnetPort())) {
            browser.get("http://127.0.0.1:" + network.port() + "/");
            awaitOutput("Welcome to the MUD backbone");
            awaitState("connected");
            type("create " + hero);
            awaitVisible(By.id("secret"));
            typeSecret(PASSWORD);
            awaitOutput("Your character is made");
            assertTrue(!output().contains(PASSWORD), "the password was never shown");
            type("look");
            awaitOutput("Exits:");
            Waits.until("Room.Info in the status area", Waits.ANSWER,
                    () -> text(By.id("room-name")).equals("Town Square"), () -> text(By.id("room-name")));

            List<WebElement> north = browser.findElements(By.cssSelector("#output .link[data-command='north']"));
            assertTrue(!north.isEmpty(), "the exits are links: " + output());
            north.get(north.size() - 1).click();
            Waits.until("the next room after clicking north", Waits.ANSWER,
                    () -> text(By.id("room-name")).equals("North Road"), this::output);

            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create " + other + " " + PASSWORD);
            talker.awaitText("Town Square");
            talker.send("north");
            awaitOutput(other + " arrives.");

            network.cut();
            awaitState("offline");
            talker.send("say said while you were away");
            talker.awaitText("You say, \"said while you were away\"");
            network.restore();
            Waits.until("the page back on its own", Waits.ANSWER.plusSeconds(15), // its back-off is at most 15 s
                    () -> state().equals("connected"), this::state);
            awaitOutput(other + " says, \"said while you were away\"");
            type("say back again");
            talker.awaitText(hero + " says, \"back again\"");
            assertEquals(1, count(output(), "said while you were away"), "shown once: " + output());

            Path shot = Path.of("target", "web-client.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void markupAndHtmlAPlayerSaysAreShownAsTextAndNeverRun(KafkaBroker broker) throws Exception {
        String hero = Names.unique("Web");
        String attacker = Names.unique("Evil");
        String html = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient evil = new TelnetTestClient(stack.telnetPort())) {
            browser.get("http://127.0.0.1:" + stack.webPort() + "/");
            awaitState("connected");
            type("create " + hero + " " + PASSWORD);
            awaitOutput("Your character is made");
            evil.awaitText("Welcome to the MUD backbone");
            evil.send("create " + attacker + " " + PASSWORD);
            evil.awaitText("Town Square");
            evil.send("say " + html);
            evil.send("say {link:quit}click me{/} {red}red?");
            awaitOutput(attacker + " says, \"" + html + "\"");
            awaitOutput("{link:quit}click me{/} {red}red?");

            assertTrue(browser.findElements(By.cssSelector("#output img, #output script")).isEmpty(),
                    "no element made of a player's words");
            assertTrue(browser.findElements(By.cssSelector("#output .link[data-command='quit']")).isEmpty(),
                    "a player cannot make links in someone else's screen");
            try {
                browser.switchTo().alert();
                throw new AssertionError("a dialog fired");
            } catch (NoAlertPresentException expected) {
                // nothing ran
            }
        }
    }

    private void type(String line) {
        WebElement input = browser.findElement(By.id("line"));
        input.sendKeys(line);
        input.sendKeys(Keys.ENTER);
    }

    private void typeSecret(String secret) {
        WebElement input = browser.findElement(By.id("secret"));
        input.sendKeys(secret);
        input.sendKeys(Keys.ENTER);
    }

    private void awaitVisible(By by) {
        Waits.until(by + " shown", Waits.ANSWER, () -> browser.findElement(by).isDisplayed(), this::output);
    }

    private void awaitOutput(String expected) {
        Waits.until("'" + expected + "' in the page", Waits.ANSWER, () -> output().contains(expected), this::output);
    }

    private void awaitState(String expected) {
        Waits.until("connection state " + expected, Waits.ANSWER, () -> state().equals(expected), this::state);
    }

    private String state() {
        String classes = browser.findElement(By.id("state")).getAttribute("class");
        return classes == null ? "" : classes.replace("state", "").trim();
    }

    private String output() {
        return text(By.id("output"));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
