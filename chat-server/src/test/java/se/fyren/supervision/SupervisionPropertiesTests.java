package se.fyren.supervision;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wait targets as operators write them in configuration.
 */
class SupervisionPropertiesTests {

	@Test
	void aQueueWithoutItsOwnTargetGetsTheServiceWideOne() {
		SupervisionProperties properties = bind(Map.of("fyren.supervision.wait-targets.youth", "2m"));
		assertThat(properties.waitTargetOf("youth")).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.waitTargetOf("relatives")).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void theServiceWideTargetCanBeChanged() {
		SupervisionProperties properties = bind(Map.of("fyren.supervision.wait-target", "90s"));
		assertThat(properties.waitTargetOf("sells-sex")).isEqualTo(Duration.ofSeconds(90));
	}

	private static SupervisionProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("fyren.supervision",
				SupervisionProperties.class);
	}

}
