package se.fyren;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Fyren: anonymous chat and low-threshold counselling.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FyrenApplication {

	public static void main(String[] args) {
		// Tomcat's WebSocket keeps three buffers of this size per connection (8 KB each
		// by default) and reads it only once, as a system property, before it starts.
		// Fyren's frames are small and stream through them; see ops/benchmarks.
		System.getProperties().putIfAbsent("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", "2048");
		SpringApplication.run(FyrenApplication.class, args);
	}

}
