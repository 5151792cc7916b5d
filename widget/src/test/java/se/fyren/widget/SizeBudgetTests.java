package se.fyren.widget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's size budget, measured as a phone on a slow network pays it:
 * every file the browser fetches, gzipped one by one. The build fails past
 * the budget, and prints the sizes so a growing file is seen early.
 */
class SizeBudgetTests {

	private static final Path WIDGET = Path.of("src", "main", "resources", "META-INF", "resources", "widget");

	private static final long LOADER_BUDGET = 5 * 1024;

	private static final long CHAT_BUDGET = 40 * 1024;

	private static final Pattern STOMP_SCRIPT = Pattern.compile("src=\"/(webjars/stomp__stompjs/[^\"]+\\.js)\"");

	@Test
	void loaderStaysWithinFiveKilobytesGzipped() throws IOException {
		long total = report("loader", List.of(WIDGET.resolve("fyren-widget.js"), WIDGET.resolve("fyren-widget.css")));
		assertThat(total).isLessThanOrEqualTo(LOADER_BUDGET);
	}

	@Test
	void chatWithItsStompClientStaysWithinFortyKilobytesGzipped() throws Exception {
		List<Path> files = new ArrayList<>();
		files.add(WIDGET.resolve("chat.html"));
		files.add(WIDGET.resolve("chat.css"));
		try (Stream<Path> scripts = Files.list(WIDGET)) {
			scripts.filter((p) -> p.toString().endsWith(".js") && !p.endsWith("fyren-widget.js")).forEach(files::add);
		}
		// The visitor loads one full translation, or easy-read Swedish over Swedish: the larger counts.
		Path easyRead = WIDGET.resolve("i18n/sv-easy.json");
		Path largest = largestFullTranslation();
		if (gzipped(largest) > gzipped(easyRead) + gzipped(WIDGET.resolve("i18n/sv.json"))) {
			files.add(largest);
		}
		else {
			files.add(WIDGET.resolve("i18n/sv.json"));
			files.add(easyRead);
		}
		long own = report("chat", files);
		long stomp = stompClient();
		System.out.printf("widget size: chat total %,d bytes gzipped (budget %,d)%n", own + stomp, CHAT_BUDGET);
		assertThat(own + stomp).isLessThanOrEqualTo(CHAT_BUDGET);
	}

	private Path largestFullTranslation() throws IOException {
		try (Stream<Path> files = Files.list(WIDGET.resolve("i18n"))) {
			return files.filter((p) -> !p.endsWith("sv-easy.json")).max((a, b) -> Long.compare(gzipped(a), gzipped(b))).orElseThrow();
		}
	}

	// The chat loads the STOMP client from the webjar the server ships; measure that very file.
	private long stompClient() throws IOException, URISyntaxException {
		Matcher matcher = STOMP_SCRIPT.matcher(Files.readString(WIDGET.resolve("chat.html")));
		assertThat(matcher.find()).as("chat.html loads the stompjs webjar").isTrue();
		String file = "META-INF/resources/" + matcher.group(1);
		URL url = getClass().getClassLoader().getResource(file);
		assertThat(url).as("the stompjs version chat.html names is the one on the classpath").isNotNull();
		try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
			return report("stompjs", List.of(fs.getPath(file)));
		}
	}

	private static long report(String part, List<Path> files) {
		long total = 0;
		for (Path file : files) {
			long size = gzipped(file);
			total += size;
			System.out.printf("widget size: %-8s %-40s %,7d bytes gzipped%n", part, file.getFileName(), size);
		}
		System.out.printf("widget size: %-8s %-40s %,7d bytes gzipped%n", part, "(total)", total);
		return total;
	}

	private static long gzipped(Path file) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(Files.readAllBytes(file));
			}
			return out.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
