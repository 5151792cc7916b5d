package se.fyren.queue;

class InMemoryWaitingQueueTests extends WaitingQueueContract {

	@Override
	protected WaitingQueue createQueue() {
		return new InMemoryWaitingQueue();
	}

}
