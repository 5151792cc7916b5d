package se.fyren.staff;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.fyren.FyrenApplication;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Side;
import se.fyren.staff.StaffProperties.Account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A configuration that would let one counsellor serve both separated groups,
 * or a queue without its group, never starts; the shipped demo clinics do.
 */
class SeparationAtStartupTests {

	@Test
	void aCounsellorServingBothSeparatedGroupsIsRefusedAtStartup() {
		assertThatThrownBy(() -> start("--fyren.staff.accounts[0].username=mixed",
				"--fyren.staff.accounts[0].password-hash={noop}irrelevant",
				"--fyren.staff.accounts[0].roles[0]=COUNSELLOR", "--fyren.staff.accounts[0].queues[0]=sells-sex",
				"--fyren.staff.accounts[0].queues[1]=buys-sex").close())
			.hasStackTraceContaining("mixed serves queues of both separated sides");
	}

	@Test
	void aQueueWithoutItsGroupIsRefusedAtStartup() {
		assertThatThrownBy(() -> start("--fyren.queue.definitions[0].id=sells-sex",
				"--fyren.queue.definitions[1].id=buys-sex", "--fyren.queue.definitions[1].side=BUYERS",
				"--fyren.queue.definitions[2].id=youth", "--fyren.queue.definitions[2].side=GENERAL",
				"--fyren.queue.definitions[3].id=relatives", "--fyren.queue.definitions[3].side=GENERAL").close())
			.hasStackTraceContaining("Queue sells-sex needs a side");
	}

	@Test
	void theDemoClinicsStartWithTheirOwnCounsellorsAndHours() {
		// Only the shipped files: not the test override that keeps every queue open.
		try (ConfigurableApplicationContext context = start("--spring.config.location=classpath:/")) {
			QueueCatalog queues = context.getBean(QueueCatalog.class);
			StaffDirectory staff = context.getBean(StaffDirectory.class);
			assertThat(queues.sides()).containsEntry("sells-sex", Side.EXPLOITED)
				.containsEntry("buys-sex", Side.BUYERS)
				.containsEntry("youth", Side.GENERAL);
			// The buyers' clinic: office hours, closed on Sunday and on Christmas Eve.
			assertThat(queues.isOpen("buys-sex", Instant.parse("2026-03-02T09:00:00Z"))).isTrue();
			assertThat(queues.isOpen("buys-sex", Instant.parse("2026-03-01T12:00:00Z"))).isFalse();
			assertThat(queues.isOpen("buys-sex", Instant.parse("2026-12-24T10:00:00Z"))).isFalse();
			// The youth unit: afternoons and evenings.
			assertThat(queues.isOpen("youth", Instant.parse("2026-03-02T09:00:00Z"))).isFalse();
			assertThat(queues.isOpen("youth", Instant.parse("2026-03-02T15:00:00Z"))).isTrue();
			// The adults' clinic chat line is always open.
			assertThat(queues.isOpen("sells-sex", Instant.parse("2026-12-24T03:00:00Z"))).isTrue();

			assertThat(servers(staff, "buys-sex")).containsExactlyInAnyOrder("bo", "elin");
			assertThat(servers(staff, "youth")).contains("cecilia");
			assertThat(servers(staff, "sells-sex")).contains("anna", "dragan").doesNotContain("bo", "elin");
			assertThat(staff.find("bo").map(Account::queues)).contains(Set.of("buys-sex"));
			assertThat(staff.find("cecilia").map(Account::ageBands)).contains(Set.of("under-15", "15-17"));
			assertThat(staff.find("dragan").map(Account::maxChats)).contains(3);
			assertThat(staff.find("anna").map(Account::maxChats)).contains(2);
			assertThat(staff.find("sara").map(Account::isSupervisor)).contains(true);
		}
	}

	private static Set<String> servers(StaffDirectory staff, String queue) {
		return staff.all()
			.stream()
			.filter((account) -> account.isCounsellor() && account.queues().contains(queue))
			.map(Account::username)
			.collect(Collectors.toSet());
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--server.port=0";
		return new SpringApplicationBuilder(FyrenApplication.class).run(all);
	}

}
