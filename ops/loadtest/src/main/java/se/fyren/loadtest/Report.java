package se.fyren.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run, each beside the echo floor and as a ratio to it,
 * printed and optionally appended to a Markdown file with the machine, JVM
 * flags and the exact command, so anyone can reproduce it.
 */
final class Report {

	private final Settings settings;

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final String startedAt = ZonedDateTime.now(ZoneOffset.UTC)
		.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

	private final String loadAtStart = loadAverage();

	private String took = "";

	private String loadAtEnd = "";

	Report(Settings settings) {
		this.settings = settings;
	}

	void add(Row row) {
		this.rows.add(row);
		System.out.println(row.markdown());
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("Note: " + note);
	}

	/** How long the whole run took, builds excluded. */
	void took(Duration duration) {
		this.took = String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
		this.loadAtEnd = loadAverage();
		System.out.println("The run took " + this.took);
	}

	String markdown() {
		StringBuilder text = new StringBuilder();
		text.append("## ").append(this.settings.label()).append(", ").append(this.startedAt).append("\n\n");
		text.append("- Machine: ").append(machine()).append("; load average at start: ").append(this.loadAtStart);
		if (!this.loadAtEnd.isEmpty()) {
			text.append(", at end: ").append(this.loadAtEnd);
		}
		text.append('\n');
		if (!this.took.isEmpty()) {
			text.append("- Took: ").append(this.took).append(" (the scenarios; the build before them not counted)\n");
		}
		text.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
			.append(System.getProperty("java.runtime.version")).append('\n');
		text.append("- Server JVM flags: `").append(String.join(" ", this.settings.serverJvmFlags())).append("`\n");
		text.append("- Harness JVM flags: `")
			.append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
			.append("`\n");
		text.append("- Command: `").append(this.settings.command().isEmpty() ? "(not given)" : this.settings.command())
			.append("`\n");
		text.append(String.format(Locale.ROOT,
				"- Load: %d idle sessions; %d messages/s over %d chats of %d characters; %d joins/s; %s warmup, %s measured; %.0f %% of visitors flooding at %d/s each%n",
				this.settings.idleSessions(), this.settings.messageRate(), this.settings.chats(),
				this.settings.payloadChars(), this.settings.joinRate(), human(this.settings.warmup()),
				human(this.settings.duration()), this.settings.floodShare() * 100,
				this.settings.floodRate()));
		for (String note : this.notes) {
			text.append("- ").append(note).append('\n');
		}
		text.append('\n').append(Row.HEADER);
		this.rows.forEach((row) -> text.append(row.markdown()).append('\n'));
		return text.append('\n').toString();
	}

	void appendTo(Path file) throws IOException {
		Files.writeString(file, markdown(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Not Linux: the CPU stays unknown.
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return String.format(Locale.ROOT, "%s, %d cores, %d GiB, %s %s", cpu, Runtime.getRuntime().availableProcessors(),
				memory >> 30, System.getProperty("os.name"), System.getProperty("os.version"));
	}

	private static String human(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private static String loadAverage() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * One figure.
	 *
	 * @param scenario which scenario
	 * @param figure what was measured, with its unit
	 * @param fyren Fyren's value
	 * @param echo the echo floor's value, or NaN when there is none
	 * @param target the target, as text
	 * @param met whether Fyren met the target; null when the figure has no
	 * target or the run was smaller than the target's scale
	 */
	record Row(String scenario, String figure, double fyren, double echo, String target, Boolean met) {

		Row(String scenario, String figure, double fyren, double echo) {
			this(scenario, figure, fyren, echo, "", null);
		}

		/** A figure with a target, judged only when the run had the target's scale. */
		static Row judged(String scenario, String figure, double fyren, double echo, String target, boolean atScale,
				boolean met) {
			return new Row(scenario, figure, fyren, echo, target, atScale ? met : null);
		}

		static final String HEADER = "| scenario | figure | Fyren | echo floor | Fyren / echo | target | met |\n"
				+ "| --- | --- | ---: | ---: | ---: | --- | --- |\n";

		String markdown() {
			String ratio = (Double.isNaN(this.echo) || this.echo <= 0) ? "–"
					: String.format(Locale.ROOT, "%.1f×", this.fyren / this.echo);
			String floor = Double.isNaN(this.echo) ? "–" : number(this.echo);
			return "| " + this.scenario + " | " + this.figure + " | " + number(this.fyren) + " | " + floor + " | "
					+ ratio + " | " + this.target + " | " + ((this.met == null) ? "–" : this.met ? "yes" : "no") + " |";
		}

		private static String number(double value) {
			return (value >= 100 || value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
					: String.format(Locale.ROOT, "%.2f", value);
		}

	}

}
