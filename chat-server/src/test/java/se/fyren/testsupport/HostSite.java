package se.fyren.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stranger's website on another origin ({@code http://127.0.0.1:<port>},
 * while Fyren answers on {@code http://localhost:<port>}): it embeds the
 * widget with its one script tag, and it plays the host page's own scripts
 * trying to read the chat. Also serves a neutral page for quick exit to land
 * on, and a page to come from.
 */
public final class HostSite implements AutoCloseable {

	private final HttpServer server;

	private HostSite(Function<String, String> pages) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> answer(exchange, pages.apply(exchange.getRequestURI().getPath())));
		this.server.start();
	}

	/**
	 * Starts the site. {@code fyrenOrigin} is asked on every request, so the
	 * site can start before Fyren has its port.
	 */
	public static HostSite start(java.util.function.Supplier<String> fyrenOrigin) {
		return new HostSite((path) -> switch (path) {
			case "/" , "/host.html" -> hostPage(fyrenOrigin.get());
			case "/before.html" -> page("Before", "<p>A page visited before.</p>");
			case "/weather.html" -> page("Weather", "<p id=\"neutral\">Sunny, 18 degrees.</p>");
			default -> null;
		});
	}

	/** This site's origin, e.g. {@code http://127.0.0.1:41234}. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String url(String path) {
		return origin() + path;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static String hostPage(String fyren) {
		// The host's own script records every message it receives, as analytics on a real site might.
		return page("Host", """
				<h1>Municipality</h1>
				<p>Some page with a chat.</p>
				<script>
				  window.seenByHost = [];
				  window.addEventListener('message', (e) => window.seenByHost.push(JSON.stringify(e.data)));
				</script>
				<script src="%s/widget/fyren-widget.js" data-fyren-lang="sv" data-fyren-exit="%s" async></script>
				""".formatted(fyren, "__EXIT__"));
	}

	private static String page(String title, String body) {
		return """
				<!doctype html><html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
				<body>%s</body></html>
				""".formatted(title, body);
	}

	private void answer(HttpExchange exchange, String body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		byte[] bytes = body.replace("__EXIT__", url("/weather.html")).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
