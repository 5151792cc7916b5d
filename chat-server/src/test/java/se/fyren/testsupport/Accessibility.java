package se.fyren.testsupport;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An axe-core scan of the current page against WCAG 2.1 A and AA.
 */
public final class Accessibility {

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private Accessibility() {
	}

	/** Fails with every serious or critical violation, named by rule and element. */
	public static void assertNoSeriousViolations(WebDriver driver, String where) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).disableIframeTesting().analyze(driver);
		assertThat(results.isErrored()).as("axe ran on %s", where).isFalse();
		List<String> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Accessibility::describe)
			.toList();
		assertThat(serious).as("serious or critical accessibility violations on %s", where).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
