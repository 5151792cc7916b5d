package se.fyren.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.View;

/**
 * The HTML error page, the only HTML the server writes itself. Everything in
 * it may come from the request (the path above all), so everything goes
 * through the OWASP Encoder; no inline style or script, so the page works
 * under the Content Security Policy.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPage {

	@Bean("error")
	View error() {
		return new View() {

			@Override
			public String getContentType() {
				return MediaType.TEXT_HTML_VALUE;
			}

			@Override
			public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
					throws Exception {
				String status = String.valueOf(model.get("status"));
				String error = String.valueOf(model.get("error"));
				String path = String.valueOf(model.get("path"));
				String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fyren: "
						+ Encode.forHtml(status) + "</title></head><body><h1>" + Encode.forHtml(status) + " "
						+ Encode.forHtml(error) + "</h1><p>" + Encode.forHtml(path) + "</p></body></html>";
				response.setContentType("text/html;charset=UTF-8");
				response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
			}

		};
	}

}
