package se.fyren.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageTests {

	@Test
	void everythingFromTheRequestIsEncoded() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ErrorPage().error()
			.render(Map.of("status", 404, "error", "<img src=x onerror=alert(1)>", "path",
					"/api/\"><script>alert(1)</script>"), new MockHttpServletRequest(), response);
		assertThat(response.getContentAsString()).doesNotContain("<script>")
			.doesNotContain("<img")
			.contains("&lt;script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;");
	}

}
