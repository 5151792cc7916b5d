package se.fyren.widget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word on screen comes from the resource files, and every language has
 * every word: a missing key would show Swedish to someone who cannot read it.
 */
class TranslationTests {

	private static final Path WIDGET = Path.of("src", "main", "resources", "META-INF", "resources", "widget");

	private static final Pattern KEY = Pattern.compile("^\\s*\"([^\"]+)\"\\s*:", Pattern.MULTILINE);

	@Test
	void everyTranslationHasEverySwedishKeyAndNoOther() throws IOException {
		Set<String> swedish = keys(WIDGET.resolve("i18n/sv.json"));
		for (String language : new String[] { "en", "ar", "ro", "es", "th" }) {
			assertThat(keys(WIDGET.resolve("i18n/" + language + ".json"))).as(language)
				.containsExactlyInAnyOrderElementsOf(swedish);
		}
		// Easy-read Swedish rewrites what needs simpler words; the rest is plain Swedish already.
		assertThat(swedish).containsAll(keys(WIDGET.resolve("i18n/sv-easy.json")));
	}

	@Test
	void everyKeyTheMarkupAndScriptNameExists() throws IOException {
		Set<String> swedish = keys(WIDGET.resolve("i18n/sv.json"));
		Set<String> used = new LinkedHashSet<>();
		collect(Files.readString(WIDGET.resolve("chat.html")), Pattern.compile("data-i18n=\"([^\"]+)\""), used);
		collect(Files.readString(WIDGET.resolve("chat.html")), Pattern.compile("[a-z-]+:([a-zA-Z.]+)"), used);
		try (Stream<Path> scripts = Files.list(WIDGET)) {
			for (Path script : scripts.filter((p) -> p.toString().endsWith(".js")).toList()) {
				collect(Files.readString(script), Pattern.compile("\\bt\\('([a-zA-Z.]+)'"), used);
			}
		}
		used.removeIf((key) -> !key.contains("."));
		assertThat(swedish).containsAll(used);
	}

	@Test
	void arabicIsRightToLeftAndTheOthersLeftToRight() throws IOException {
		try (Stream<Path> files = Files.list(WIDGET.resolve("i18n"))) {
			files.forEach((file) -> {
				String expected = file.endsWith("ar.json") ? "rtl" : "ltr";
				assertThat(read(file)).as(file.toString()).contains("\"dir\": \"" + expected + "\"");
			});
		}
	}

	private static Set<String> keys(Path file) {
		Set<String> keys = new LinkedHashSet<>();
		collect(read(file), KEY, keys);
		return keys;
	}

	private static void collect(String text, Pattern pattern, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
