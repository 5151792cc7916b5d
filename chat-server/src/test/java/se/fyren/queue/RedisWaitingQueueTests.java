package se.fyren.queue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisWaitingQueueTests extends WaitingQueueContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected WaitingQueue createQueue() {
		return new RedisWaitingQueue(store.template(), store.freshKeys(), Duration.ofHours(12));
	}

}
