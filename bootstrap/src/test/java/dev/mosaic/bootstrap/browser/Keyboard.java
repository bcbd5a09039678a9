package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** A keyboard-only user: Tab, Shift+Tab, typing and Enter, and a look at where the focus is and whether it shows. */
final class Keyboard {

    /**
     * The focused element and whether its focus ring shows: an outline of 2px or more on it (drawn because it
     * matches :focus-visible), or on the attach button around the transparent file input; null when nothing in
     * the page has focus.
     */
    private static final String FOCUS = """
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) {
                return null;
            }
            const holder = el.closest('.attach') || el;
            const style = getComputedStyle(holder);
            const box = holder.getBoundingClientRect();
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                && (holder !== el || el.matches(':focus-visible'));
            const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
                && parseFloat(style.opacity) > 0;
            // focus inside a video's own controls: the browser draws their focus ring itself
            const inControls = el.tagName === 'VIDEO' && el.controls && !el.matches(':focus-visible');
            return { testid: inControls ? 'video-controls' : el.dataset.testid || el.id || el.tagName.toLowerCase(),
                name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 80),
                visible: inControls || (ring && shown) };
            """;

    private final ChromeDriver driver;
    /** Every element focus landed on, in order, as {@code testid "name"}. */
    final List<String> path = new ArrayList<>();

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> focused() {
        return (Map<String, Object>) driver.executeScript(FOCUS);
    }

    String focusedId() {
        Map<String, Object> focus = focused();
        return focus == null ? null : (String) focus.get("testid");
    }

    /** Types into whatever has focus. */
    void type(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Asserts that the focused element shows its focus. */
    void assertFocusShows() {
        Map<String, Object> focus = focused();
        assertThat(focus).as("something in the page has focus").isNotNull();
        assertThat(focus.get("visible")).as("the focus on %s \"%s\" shows", focus.get("testid"), focus.get("name"))
                .isEqualTo(true);
    }

    /**
     * Tabs (forwards, or backwards with Shift) until the element with this test id has focus, checking on the way
     * that every element focus lands on shows it. Focus leaving the page (to the browser) is passed over.
     */
    void tabTo(String testid, boolean backwards, int atMost) {
        for (int step = 0; step < atMost; step++) {
            press(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
            Map<String, Object> focus = focused();
            if (focus == null) {
                continue;
            }
            path.add(focus.get("testid") + " \"" + focus.get("name") + "\"");
            assertFocusShows();
            if (testid.equals(focus.get("testid"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + testid + "; focus went " + path);
    }
}
