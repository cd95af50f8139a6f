package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.sandbox.browser.Browser;
import org.luvhive.sandbox.browser.ChatPanelView;
import org.luvhive.sandbox.browser.EvidenceOnFailure;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The emulator's page without the bot: a test plays the bot through the Bot API and
 * checks that the page shows what Telegram clients show (formatting, spoilers, keyboards,
 * reactions, edits, deletions, media) and that a user's keys and buttons reach the bot.
 */
@ExtendWith(EvidenceOnFailure.class)
class EmulatorPageTest implements EvidenceOnFailure.DrivesBrowser {
    private static final String TOKEN = "555001:AAH" + "x".repeat(30) + "Q_z";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TelegramEmulator emulator;
    private static EmulatedBot bot;
    private static Browser browser;

    @BeforeAll
    static void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        browser = Browser.start();
        browser.driver().get(emulator.baseUrl() + "/");
        browser.waiting().until(driver -> driver.findElement(By.id("connection")).getText().equals("live"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public Browser browser() {
        return browser;
    }

    @Test
    void botMessagesLookAsInTelegramAndTheUsersKeysAndButtonsReachTheBot() throws Exception {
        SimulatedUser erin = bot.newUser("Erin");
        ChatPanelView panel = new ChatPanelView(browser, "Erin");
        browser.step("START sends /start", () -> {
            panel.pressStart();
            browser.waiting().until(driver -> !erin.history().isEmpty());
        });
        assertThat(erin.history().get(0).text()).isEqualTo("/start");

        browser.step("formatting, a spoiler to reveal, a reply keyboard", () -> {
            call("sendMessage", "{\"chat_id\":" + erin.id() + ",\"parse_mode\":\"HTML\",\"text\":\"<b>Bold</b> "
                    + "<i>it</i> <tg-spoiler>hidden</tg-spoiler> <code>x=1</code>\",\"reply_markup\":{\"keyboard\":"
                    + "[[\"Yes\",\"No\"]],\"one_time_keyboard\":true}}");
            WebElement text = panel.awaitBotMessage("Bold").findElement(By.cssSelector(".text"));
            assertThat(text.findElement(By.tagName("strong")).getText()).isEqualTo("Bold");
            assertThat(text.findElement(By.tagName("em")).getText()).isEqualTo("it");
            assertThat(text.findElement(By.tagName("code")).getText()).isEqualTo("x=1");
            WebElement spoiler = text.findElement(By.cssSelector(".spoiler"));
            assertThat(spoiler.getAttribute("class")).doesNotContain("revealed");
            spoiler.click();
            assertThat(spoiler.getAttribute("class")).contains("revealed");
            panel.root().findElement(By.xpath(".//button[contains(@class,'reply-key') and text()='Yes']")).click();
        });
        browser.waiting().until(driver -> erin.history().size() > 2);
        assertThat(erin.history()).extracting(message -> message.text()).contains("Yes");

        browser.step("a reaction, an edit and a deletion show as they happen", () -> {
            int yes = erin.history().stream().filter(message -> message.text().equals("Yes")).findFirst()
                    .orElseThrow().messageId();
            call("setMessageReaction", "{\"chat_id\":" + erin.id() + ",\"message_id\":" + yes
                    + ",\"reaction\":[{\"type\":\"emoji\",\"emoji\":\"🔥\"}]}");
            browser.waiting().until(driver -> panel.awaitOwnMessage("Yes").findElement(By.cssSelector(".reaction"))
                    .getText().equals("🔥"));
            JsonNode sent = call("sendMessage", "{\"chat_id\":" + erin.id() + ",\"text\":\"first draft\"}");
            int id = sent.path("message_id").asInt();
            panel.awaitBotMessage("first draft");
            call("editMessageText", "{\"chat_id\":" + erin.id() + ",\"message_id\":" + id
                    + ",\"text\":\"second draft\"}");
            assertThat(panel.awaitBotMessage("second draft").findElement(By.cssSelector(".edited")).getText())
                    .isEqualTo("edited");
            call("deleteMessages", "{\"chat_id\":" + erin.id() + ",\"message_ids\":[" + id + "]}");
            browser.waiting().until(driver -> panel.root().findElements(By.cssSelector(
                    "li.msg[data-message-id='" + id + "']")).isEmpty());
        });

        browser.step("a button's callback answer shows in the chat", () -> {
            call("sendMessage", "{\"chat_id\":" + erin.id() + ",\"text\":\"Pick one\",\"reply_markup\":"
                    + "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"pick:a\"}]]}}");
            panel.press("pick:a");
            String queryId = browser.waiting().until(driver -> pendingQuery());
            call("answerCallbackQuery", "{\"callback_query_id\":\"" + queryId + "\",\"text\":\"You picked A\"}");
            browser.waiting().until(driver -> panel.root().findElement(By.cssSelector(".chat-notice")).getText()
                    .contains("You picked A"));
        });

        browser.step("media bubbles: sticker, voice, location, contact, document", () -> {
            for (String kind : List.of("sticker", "voice", "location", "contact", "document")) {
                panel.attach(kind, "");
            }
            WebElement list = panel.root().findElement(By.cssSelector(".messages"));
            browser.waiting().until(driver -> list.findElements(By.cssSelector(".sticker img")).size() == 1
                    && list.findElements(By.cssSelector(".file-voice")).size() == 1
                    && list.findElements(By.cssSelector(".location")).size() == 1
                    && list.findElements(By.cssSelector(".contact")).size() == 1
                    && list.findElements(By.cssSelector(".file-document a.download")).size() == 1);
        });

        browser.step("blocking shows the unblock bar; unblocking sends /start again", () -> {
            panel.root().findElement(By.cssSelector("button.block-toggle")).click();
            browser.waiting().until(driver -> panel.root().findElement(By.cssSelector(".blocked-bar")).isDisplayed());
            assertThat(erin.hasBlockedBot()).isTrue();
            panel.root().findElement(By.cssSelector(".blocked-bar button")).click();
            browser.waiting().until(driver -> !erin.hasBlockedBot());
            panel.awaitOwnMessage("/start");
        });

        browser.step("↑ in the empty box edits the last own message", () -> {
            WebElement input = panel.root().findElement(By.cssSelector("textarea.input"));
            input.sendKeys(Keys.ARROW_UP);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "/start again", Keys.ENTER);
            panel.awaitOwnMessage("/start again");
        });
    }

    /** The id of the callback query the user's press sent the bot, once it is the newest update. */
    private static String pendingQuery() {
        JsonNode updates = call("getUpdates", "{\"offset\":-1}");
        JsonNode last = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        return last != null && last.has("callback_query") ? last.path("callback_query").path("id").asText() : null;
    }

    private static JsonNode call(String method, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/bot"
                            + TOKEN + "/" + method)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.path("ok").asBoolean()).as(method + ": " + body).isTrue();
            return body.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
