package dev.mosaic.bootstrap.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** Deque's axe-core, run in the page with the WCAG 2.0, 2.1 and 2.2 A and AA rules. */
final class Axe {

    static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {
    }

    /** Every failing node, as {@code rule target: what fails}; empty when the page passes. */
    static List<String> violations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe could not run: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .flatMap(rule -> rule.getNodes().stream()
                        .map(node -> rule.getId() + " " + node.getTarget() + ": " + node.getFailureSummary()))
                .toList();
    }
}
