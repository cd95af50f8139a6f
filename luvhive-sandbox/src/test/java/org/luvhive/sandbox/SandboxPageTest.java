package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.sandbox.browser.Browser;
import org.luvhive.sandbox.browser.ChatPanelView;
import org.luvhive.sandbox.browser.EvidenceOnFailure;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The sandbox as a newcomer uses it, in headless Chromium: the real bot, its database and
 * the emulator in one process, and only clicks and typing on the page. One sandbox and one
 * browser for the class; each test has its own users. The 429 storm runs after the
 * others that chat, so its paused chats cannot slow them.
 */
@ExtendWith({PostgresExtension.class, EvidenceOnFailure.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxPageTest implements EvidenceOnFailure.DrivesBrowser {

    @TempDir
    static Path home;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Sandbox sandbox;
    private static Browser browser;
    private static TestDatabase database;

    @BeforeAll
    static void start(TestDatabase testDatabase) {
        database = testDatabase;
        Map<String, String> environment = new HashMap<>(testDatabase.environment());
        // Short waits so the class stops in a second; the bot's behaviour is production's.
        sandbox = Sandbox.start(0, environment, home, RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(5))
                .withShutdownGrace(Duration.ofSeconds(2)));
        browser = Browser.start();
        browser.driver().get(sandbox.pageUrl());
        browser.waiting().until(driver -> driver.findElement(By.id("connection")).getText().equals("live"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    public Browser browser() {
        return browser;
    }

    @Test
    @Order(1)
    void twoStrangersOnboardByClickingMeetExchangeTextAndAPhotoReplyEditReportAndPay() {
        long started = System.nanoTime();
        browser.step("the welcome card adds Alice and Bob", () -> {
            browser.driver().findElement(By.id("add-two")).click();
        });
        ChatPanelView alice = new ChatPanelView(browser, "Alice");
        ChatPanelView bob = new ChatPanelView(browser, "Bob");
        browser.step("both press START and accept", () -> {
            alice.pressStart();
            bob.pressStart();
            alice.press("consent:accept");
            bob.press("consent:accept");
        });
        browser.step("they pick a gender and type an age", () -> {
            alice.press("gender:female");
            bob.press("gender:male");
            alice.awaitBotMessage("How old are you?");
            alice.type("27");
            bob.awaitBotMessage("How old are you?");
            bob.type("31");
            alice.press("age:confirm");
            bob.press("age:confirm");
        });
        browser.step("country, city, interests, done", () -> {
            alice.awaitBotMessage("Which country");
            alice.type("Germany");
            bob.awaitBotMessage("Which country");
            bob.type("Germany");
            alice.awaitBotMessage("your city");
            alice.type("Berlin");
            bob.awaitBotMessage("your city");
            bob.type("Berlin");
            alice.press("int:music");
            alice.press("int:done");
            bob.press("int:books");
            bob.press("int:done");
            alice.awaitBotMessage("You're all set");
            bob.awaitBotMessage("You're all set");
        });
        browser.step("both tap /find and are matched", () -> {
            alice.clickCommand("/find");
            alice.awaitBotMessage("Searching for a partner");
            bob.clickCommand("/find");
            assertThat(alice.awaitBotMessage("Partner found").getText()).doesNotContain("Bob");
            assertThat(bob.awaitBotMessage("Partner found").getText()).doesNotContain("Alice");
        });
        browser.step("Alice writes, Bob reads it", () -> {
            alice.type("Hi! I love the lake in summer.");
            bob.awaitBotMessage("I love the lake");
        });
        WebElement greetingAtBob = bob.awaitBotMessage("I love the lake");
        // The yardstick: a newcomer has two strangers chatting within two minutes.
        System.out.printf("newcomer path: %.1f s from the welcome card to Bob reading Alice%n",
                (System.nanoTime() - started) / 1e9);
        browser.step("A new account's photo waits ten minutes; an hour later Alice sends one with a caption; "
                + "Bob allows media in the chat and sees the image", () -> {
            alice.attach("photo", "too soon");
            alice.awaitBotMessage("10 minutes after joining");
            database.jdbi().useHandle(handle -> handle.execute(
                    "update users set created_at = created_at - interval '1 hour'"));
            alice.attach("photo", "me at the lake");
            WebElement question = bob.awaitBotMessage("Allow media in this chat?");
            bob.press(question.findElements(By.cssSelector("button.inline-button")).stream()
                    .map(button -> button.getAttribute("data-callback-data"))
                    .filter(data -> data.endsWith(":allow")).findFirst().orElseThrow());
            WebElement photo = bob.awaitBotMessage("me at the lake").findElement(By.cssSelector("img.photo"));
            browser.waiting().until(driver -> ((Number) browser.script(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", photo)).intValue() > 0);
        });
        browser.step("Bob replies to the greeting; it threads under Alice's own message", () -> {
            awaitRelayed(bob, "I love the lake");
            bob.reply(greetingAtBob, "Hi Alice, me too");
            WebElement reply = alice.awaitBotMessage("Hi Alice, me too");
            assertThat(reply.findElement(By.cssSelector(".reply-quote")).getText()).contains("I love the lake");
        });
        browser.step("Alice edits her greeting; Bob's copy changes and says edited", () -> {
            alice.edit(alice.awaitOwnMessage("I love the lake"), "Hi! I love the lake in winter too.");
            WebElement edited = bob.awaitBotMessage("in winter too");
            assertThat(edited.findElement(By.cssSelector(".edited")).getText()).isEqualTo("edited");
            browser.waiting().until(driver -> bob.awaitOwnMessage("Hi Alice, me too")
                    .findElement(By.cssSelector(".reply-quote")).getText().contains("in winter too"));
        });
        saveScreenshotIfAsked();
        browser.step("Bob ends the chat and reports Alice", () -> {
            bob.menuCommand("/stop");
            bob.awaitBotMessage("Chat ended");
            alice.awaitBotMessage("Your partner left the chat");
            bob.press(reportButton(bob));
            bob.press("rep:" + chatId(bob) + ":spam");
            bob.awaitBotMessage("Report sent");
        });
        assertThat(count("select count(*) from reports")).isEqualTo(1);
        browser.step("Alice buys premium with test Stars", () -> {
            alice.type("/premium");
            alice.awaitBotMessage("Choose a pack");
            alice.press("prem:30");
            alice.payNewestInvoice();
            alice.awaitBotMessage("Premium is active until");
        });
        assertThat(count("select count(*) from payments")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void thePanelsButtonsSetTheLimitsProfileAndSwitchTheBotToWebhookAndBack() {
        browser.step("set the crisis profile", () -> {
            new Select(browser.driver().findElement(By.id("ops-profile-select"))).selectByValue("crisis");
            browser.driver().findElement(By.id("ops-profile-apply")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-profile")).getText().equals("crisis"));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.application().limits().current().profile()
                .equals("crisis"));
        browser.step("switch to webhook: a new user's /start is answered through it", () -> {
            browser.driver().findElement(By.cssSelector("button[data-mode='webhook']")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-mode")).getText().equals("webhook"));
            assertThat(sandbox.bot().webhookStatus().url()).endsWith("/telegram/" + sandbox.bot().id());
            addUser("Carol");
            ChatPanelView carol = new ChatPanelView(browser, "Carol");
            carol.pressStart();
            carol.awaitBotMessage("Welcome to LuvHive");
        });
        browser.step("back to polling and the normal profile", () -> {
            browser.driver().findElement(By.cssSelector("button[data-mode='polling']")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-mode")).getText().equals("polling"));
            new Select(browser.driver().findElement(By.id("ops-profile-select"))).selectByValue("normal");
            browser.driver().findElement(By.id("ops-profile-apply")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-profile")).getText().equals("normal"));
        });
        assertThat(sandbox.bot().webhookStatus().url()).isEmpty();
    }

    @Test
    @Order(3)
    void thePanelShowsTheModerationLevelAndSetsItAsTheCliDoes() {
        browser.step("set strict: the running bot applies it", () -> {
            new Select(browser.driver().findElement(By.id("ops-strictness-select"))).selectByValue("strict");
            browser.driver().findElement(By.id("ops-strictness-apply")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-strictness")).getText().equals("strict"));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> liveLevel() == Strictness.STRICT);
        assertThat(count("select count(*) from ops_settings where key = 'moderation.strictness' "
                + "and value = 'strict' and updated_by = 'sandbox panel'")).isEqualTo(1);
        browser.step("an operator sets lockdown from the command line: the panel shows it", () -> {
            new ModerationSettings(new OpsSettings(database.jdbi(), Clock.systemUTC()))
                    .setLevel(Strictness.LOCKDOWN, "ops");
            browser.waiting().until(driver -> driver.findElement(By.id("ops-strictness")).getText()
                    .equals("lockdown"));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> liveLevel() == Strictness.LOCKDOWN);
        browser.step("back to normal", () -> {
            new Select(browser.driver().findElement(By.id("ops-strictness-select"))).selectByValue("normal");
            browser.driver().findElement(By.id("ops-strictness-apply")).click();
            browser.waiting().until(driver -> driver.findElement(By.id("ops-strictness")).getText().equals("normal"));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> liveLevel() == Strictness.NORMAL);
    }

    @Test
    @Order(4)
    void theOperatorPanelShowsAFloodWaitAfterA429StormIsInjected() {
        addUser("Dave");
        ChatPanelView dave = new ChatPanelView(browser, "Dave");
        browser.step("Dave opens the bot", () -> {
            dave.pressStart();
            dave.awaitBotMessage("Welcome to LuvHive");
        });
        browser.step("a 429 storm, then Dave asks for the privacy policy", () -> {
            browser.driver().findElement(By.id("ops-storm")).click();
            browser.waiting().until(driver -> !driver.findElement(By.id("ops-fault-rules")).getText().equals("0"));
            dave.press("consent:read");
        });
        browser.step("the panel counts the FloodWait and lists it", () -> {
            browser.waiting().until(driver -> !driver.findElement(By.id("ops-floodwaits")).getText().equals("0"));
            WebElement log = browser.waiting().until(driver -> driver.findElement(
                    By.cssSelector("#ops-floodwait-log li")));
            assertThat(log.getText()).containsIgnoringCase("sendMessage").contains("retry after 3 s");
        });
        browser.step("faults cleared, the answer arrives", () -> {
            browser.driver().findElement(By.cssSelector("#ops-faults button.secondary")).click();
            dave.awaitBotMessage("Privacy at LuvHive");
        });
    }

    @Test
    @Order(5)
    void thePanelRefusesBadRequestsInOneLineAndChangesNothing() throws Exception {
        assertThat(post("/sandbox/limits", "{\"profile\":\"extreme\"}"))
                .isEqualTo("400 unknown profile 'extreme': use normal, high or crisis");
        assertThat(post("/sandbox/mode", "{\"mode\":\"pigeon\"}"))
                .isEqualTo("400 mode must be 'polling' or 'webhook', not 'pigeon'");
        assertThat(post("/sandbox/limits", "profile=high")).isEqualTo("400 the body is not JSON");
        assertThat(post("/sandbox/limits", "{}")).isEqualTo("400 missing field \"profile\"");
        assertThat(post("/sandbox/moderation", "{\"level\":\"paranoid\"}"))
                .isEqualTo("400 unknown level 'paranoid' (one of relaxed|normal|strict|lockdown)");
        assertThat(post("/sandbox/moderation", "{\"level\":3}")).isEqualTo("400 missing field \"level\"");
        assertThat(sandbox.application().limits().current().profile()).isEqualTo("normal");
        assertThat(new ModerationSettings(new OpsSettings(database.jdbi(), Clock.systemUTC())).level())
                .isEqualTo(Strictness.NORMAL);
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.pageUrl() + "sandbox/x.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private static String post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.pageUrl()
                        + path.substring(1))).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(response.body());
        return response.statusCode() + " " + json.path("description").asText();
    }

    /**
     * {@code -Dluvhive.sandbox.screenshot=docs/sandbox.png} (scripts/sandbox-screenshot) keeps
     * the page with two users in a chat, for the README.
     */
    private static void saveScreenshotIfAsked() {
        String target = System.getProperty("luvhive.sandbox.screenshot", "");
        if (!target.isBlank()) {
            // the steps scrolled to the messages they acted on; the picture shows the newest
            browser.script("document.querySelectorAll('.messages').forEach(list => list.scrollTop = list.scrollHeight)");
            try {
                Files.write(Path.of(target), browser.screenshot());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Through the "+ Add user" dialog, as a person adds a third user. */
    private static void addUser(String name) {
        browser.driver().findElement(By.id("add-user")).click();
        WebElement field = browser.waiting().until(driver -> driver.findElement(By.name("first_name")));
        field.clear();
        field.sendKeys(name, Keys.ENTER);
        new ChatPanelView(browser, name).root();
    }

    /** The chat id in the report button under "Chat ended" ({@code rep:<chat>}). */
    private static String reportButton(ChatPanelView user) {
        return "rep:" + chatId(user);
    }

    private static String chatId(ChatPanelView user) {
        WebElement ended = user.awaitBotMessage("Chat ended");
        return ended.findElements(By.cssSelector("button.inline-button")).stream()
                .map(button -> button.getAttribute("data-callback-data"))
                .filter(data -> data.startsWith("rep:")).findFirst().orElseThrow().split(":")[1];
    }

    /**
     * The bot links a copy to its original just after sending it; a person needs longer
     * than that to reply, a test does not.
     */
    private static void awaitRelayed(ChatPanelView recipient, String fragment) {
        int copy = Integer.parseInt(recipient.awaitBotMessage(fragment).getAttribute("data-message-id"));
        long userId = Long.parseLong(recipient.root().getAttribute("data-user-id"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from relayed_messages "
                + "where recipient_id = " + userId + " and copy_message_id = " + copy) == 1);
    }

    /** The level the running bot judges by (its live moderation, following the settings table). */
    private static Strictness liveLevel() {
        return ((LuvhiveFeatures) sandbox.application().features()).moderation().live().level();
    }

    private static long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
