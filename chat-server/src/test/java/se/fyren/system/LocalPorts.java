package se.fyren.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Ports on this machine for the redis-server processes a test runs itself,
 * so that the Redis the other tests share is never touched.
 */
final class LocalPorts {

	private LocalPorts() {
	}

	static int free() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Waits until something listens on the port. */
	static void awaitListening(int port) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

}
