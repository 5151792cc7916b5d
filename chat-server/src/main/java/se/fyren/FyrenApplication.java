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
		SpringApplication.run(FyrenApplication.class, args);
	}

}
