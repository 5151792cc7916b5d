package se.fyren.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;

import se.fyren.system.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/stomp-api.asyncapi.yaml} and the code in step: every
 * destination, event type and error code on one side is on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtocolDocumentTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "stomp-api.asyncapi.yaml");

	@Autowired
	DestinationPolicy policy;

	Map<String, Object> document;

	@BeforeEach
	void readDocument() throws IOException {
		try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
			this.document = new Yaml().load(reader);
		}
	}

	@Test
	void everyMessageMappingIsDocumentedAndNothingElse() {
		Set<String> documented = channels().values()
			.stream()
			.map((channel) -> (String) channel.get("address"))
			.filter((address) -> address.startsWith("/app/"))
			.collect(Collectors.toSet());
		assertThat(documented).isEqualTo(this.policy.sendDestinations());
	}

	@Test
	void documentedSubscriptionsAreTheOnlyOnesAccepted() {
		Set<String> documented = channels().values()
			.stream()
			.map((channel) -> (String) channel.get("address"))
			.filter((address) -> !address.startsWith("/app/"))
			.collect(Collectors.toSet());
		// The security gate accepts these and nothing else; StompAuthorizationMatrixTests tries both sides.
		assertThat(documented).containsExactlyInAnyOrder("/user/queue/events", "/user/queue/errors");
	}

	@Test
	void everyErrorCodeIsDocumentedAndNothingElse() {
		Map<String, Object> error = child(child(this.document, "components"), "schemas", "Error");
		@SuppressWarnings("unchecked")
		List<String> documented = (List<String>) child(child(error, "properties"), "code").get("enum");
		assertThat(documented).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
	}

	@Test
	void everyEventTypeIsDocumentedAndNothingElse() {
		Map<String, Object> messages = child(child(this.document, "components"), "messages");
		Set<String> documented = messages.values()
			.stream()
			.map((message) -> (Map<?, ?>) message)
			.map((message) -> (String) message.get("name"))
			.filter((name) -> name != null && !name.equals("error"))
			.collect(Collectors.toSet());
		assertThat(documented).isNotEmpty().isEqualTo(eventTypesInCode());
	}

	private static Set<String> eventTypesInCode() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isConcrete();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(ClientEvent.class));
		return scanner.findCandidateComponents("se.fyren")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map((name) -> ClassUtils.resolveClassName(name, null))
			.map((type) -> type.getAnnotation(JsonTypeName.class).value())
			.collect(Collectors.toSet());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> channels() {
		return (Map<String, Map<String, Object>>) this.document.get("channels");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Map<String, Object> parent, String... path) {
		Map<String, Object> node = parent;
		for (String key : path) {
			node = (Map<String, Object>) node.get(key);
		}
		return node;
	}

}
