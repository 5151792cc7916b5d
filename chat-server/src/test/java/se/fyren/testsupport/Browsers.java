package se.fyren.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver. Nothing is
 * downloaded: a missing browser fails the test with a hint to run
 * {@code ops/test.sh}.
 */
public final class Browsers {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browsers() {
	}

	/** A new headless browser with its own profile and a window of the given size. */
	public static WebDriver open(int width, int height) {
		return open(width, height, null);
	}

	private static WebDriver open(int width, int height, java.util.Map<String, Object> mobileEmulation) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: run ops/test.sh");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
				"--window-size=" + width + "," + height);
		if (mobileEmulation != null) {
			options.setExperimentalOption("mobileEmulation", mobileEmulation);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * A new headless browser showing pages as a phone in Sweden of the given
	 * CSS size does. A plain window cannot be narrower than about 500 px in
	 * headless Chromium, so the phone's screen is emulated, and its clock
	 * shows Swedish time whatever the machine's zone.
	 */
	public static WebDriver phone(int width, int height) {
		WebDriver driver = open(width, height, java.util.Map.of("deviceMetrics",
				java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", true, "touch", false)));
		((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
				java.util.Map.of("timezoneId", "Europe/Stockholm"));
		return driver;
	}

	public static WebDriverWait waitFor(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	/** Saves a screenshot under {@code target/screenshots/} for review. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(png, SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
