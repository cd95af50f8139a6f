package org.luvhive.sandbox.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * One user's chat panel on the page, driven as a person would: clicking what they see and
 * typing into the message box. Every lookup starts from the page again, because the page
 * redraws a message whenever it changes. Not thread-safe.
 */
public final class ChatPanelView {
    private final Browser browser;
    private final String name;

    public ChatPanelView(Browser browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    public String name() {
        return name;
    }

    private By panel() {
        return By.cssSelector("section.chat[data-user-name='" + name + "']");
    }

    public WebElement root() {
        return browser.waiting().until(driver -> driver.findElement(panel()));
    }

    private WebElement find(String css) {
        return browser.waiting().until(driver -> {
            WebElement element = driver.findElement(panel()).findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    public void pressStart() {
        find(".start-bar button").click();
    }

    /** Clicks the newest inline button sending {@code callbackData}, once the bot has shown it. */
    public void press(String callbackData) {
        browser.waiting().until(driver -> {
            List<WebElement> buttons = driver.findElement(panel())
                    .findElements(By.cssSelector("button.inline-button[data-callback-data='" + callbackData + "']"));
            if (buttons.isEmpty()) {
                return null;
            }
            WebElement button = buttons.get(buttons.size() - 1);
            scrollTo(button);
            button.click();
            return true;
        });
    }

    /** Types into the message box and presses Enter. */
    public void type(String text) {
        WebElement input = find("textarea.input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** Clicks a /command where the bot's message shows it as a link, as Telegram users do. */
    public void clickCommand(String command) {
        browser.waiting().until(driver -> {
            List<WebElement> links = driver.findElement(panel()).findElements(By.cssSelector("a.command"));
            for (int index = links.size() - 1; index >= 0; index--) {
                if (links.get(index).getText().equals(command)) {
                    scrollTo(links.get(index));
                    links.get(index).click();
                    return true;
                }
            }
            return null;
        });
    }

    /** Opens the bot's command menu (☰) and picks {@code command}. */
    public void menuCommand(String command) {
        find("button.commands-button").click();
        find(".commands-menu button[data-command='" + command.substring(1) + "']").click();
    }

    /** The newest bot message whose text contains {@code fragment}, once it arrived. */
    public WebElement awaitBotMessage(String fragment) {
        return awaitMessage("li.msg.from-bot", fragment);
    }

    public WebElement awaitOwnMessage(String fragment) {
        return awaitMessage("li.msg.from-user", fragment);
    }

    private WebElement awaitMessage(String css, String fragment) {
        return browser.waiting().until(driver -> {
            List<WebElement> messages = driver.findElement(panel()).findElements(By.cssSelector(css));
            for (int index = messages.size() - 1; index >= 0; index--) {
                if (messages.get(index).getText().contains(fragment)) {
                    return messages.get(index);
                }
            }
            return null;
        });
    }

    /** Attaches generated media of {@code kind} with the message box's text as caption. */
    public void attach(String kind, String caption) {
        WebElement input = find("textarea.input");
        input.sendKeys(caption);
        find("button.attach").click();
        find(".attach-menu button[data-kind='" + kind + "']").click();
    }

    /** Hovers a message, clicks ↩, types the answer. */
    public void reply(WebElement message, String text) {
        hoverAndClick(message, "button.reply-action");
        type(text);
    }

    /** Hovers one's own message, clicks ✎, replaces its text. */
    public void edit(WebElement message, String newText) {
        hoverAndClick(message, "button.edit-action");
        WebElement input = find("textarea.input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), newText, Keys.ENTER);
    }

    private void hoverAndClick(WebElement message, String action) {
        scrollTo(message);
        new Actions(browser.driver()).moveToElement(message).perform();
        message.findElement(By.cssSelector(action)).click();
    }

    /** Clicks "Pay" on the newest invoice. */
    public void payNewestInvoice() {
        browser.waiting().until(driver -> {
            List<WebElement> pay = driver.findElement(panel()).findElements(By.cssSelector("button.pay"));
            if (pay.isEmpty()) {
                return null;
            }
            scrollTo(pay.get(pay.size() - 1));
            pay.get(pay.size() - 1).click();
            return true;
        });
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                element);
    }
}
