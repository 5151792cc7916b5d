package se.fyren.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A WebSocket client written out by hand, for sending what no well-behaved
 * client library would: invalid UTF-8 in text frames, oversized and
 * fragmented frames, garbage that is not STOMP, handshakes with any Origin.
 */
public final class RawWebSocket implements AutoCloseable {

	/** Opcodes. */
	public static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

	private static final SecureRandom random = new SecureRandom();

	private final Socket socket;

	private final OutputStream out;

	private final DataInputStream in;

	private final int status;

	private final String head;

	private RawWebSocket(Socket socket, String head, InputStream in) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = new DataInputStream(in);
		this.head = head;
		this.status = Integer.parseInt(head.split(" ", 3)[1]);
	}

	/** Opens a handshake on the path with extra headers; check {@link #handshakeStatus()}. */
	public static RawWebSocket open(int port, String path, Map<String, String> headers) {
		try {
			Socket socket = new Socket("localhost", port);
			socket.setSoTimeout(10_000);
			byte[] nonce = new byte[16];
			random.nextBytes(nonce);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
					+ Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Protocol: v12.stomp\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			return new RawWebSocket(socket, readHead(in), in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** The handshake response's status line and headers. */
	public String head() {
		return this.head;
	}

	/** The HTTP status of the handshake: 101 when upgraded. */
	public int handshakeStatus() {
		return this.status;
	}

	/** Sends one whole text frame of these bytes (not checked to be UTF-8). */
	public RawWebSocket text(byte[] payload) {
		return frame(true, TEXT, payload);
	}

	public RawWebSocket text(String payload) {
		return text(payload.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends one frame. */
	public RawWebSocket frame(boolean fin, int opcode, byte[] payload) {
		try {
			ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
			frame.write((fin ? 0x80 : 0) | opcode);
			if (payload.length < 126) {
				frame.write(0x80 | payload.length);
			}
			else if (payload.length < 65536) {
				frame.write(0x80 | 126);
				frame.write(payload.length >>> 8);
				frame.write(payload.length & 0xFF);
			}
			else {
				frame.write(0x80 | 127);
				for (int shift = 56; shift >= 0; shift -= 8) {
					frame.write((int) (((long) payload.length >>> shift) & 0xFF));
				}
			}
			byte[] mask = new byte[4];
			random.nextBytes(mask);
			frame.write(mask);
			for (int i = 0; i < payload.length; i++) {
				frame.write(payload[i] ^ mask[i % 4]);
			}
			this.out.write(frame.toByteArray());
			this.out.flush();
		}
		catch (IOException ex) {
			// The server may already have closed; reading tells.
		}
		return this;
	}

	/** Sends raw bytes, not framed at all. */
	public RawWebSocket bytes(byte[] raw) {
		try {
			this.out.write(raw);
			this.out.flush();
		}
		catch (IOException ex) {
			// As above.
		}
		return this;
	}

	/** A STOMP CONNECT frame with the given extra header lines. */
	public RawWebSocket connect(String... headerLines) {
		return text("CONNECT\naccept-version:1.2\nheart-beat:0,0\n" + String.join("\n", headerLines)
				+ (headerLines.length > 0 ? "\n" : "") + "\n\0");
	}

	/**
	 * The next text or close frame from the server: its payload as text, or
	 * {@code CLOSE:<code>} for a close frame, or {@code EOF} when the socket
	 * ended, or {@code TIMEOUT}.
	 */
	public String next() {
		try {
			while (true) {
				int first = this.in.readUnsignedByte();
				int second = this.in.readUnsignedByte();
				long length = second & 0x7F;
				if (length == 126) {
					length = this.in.readUnsignedShort();
				}
				else if (length == 127) {
					length = this.in.readLong();
				}
				byte[] payload = new byte[(int) length];
				this.in.readFully(payload);
				int opcode = first & 0x0F;
				if (opcode == CLOSE) {
					int code = (payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
					return "CLOSE:" + code;
				}
				if (opcode == TEXT || opcode == BINARY) {
					String text = new String(payload, StandardCharsets.UTF_8);
					if (!text.equals("\n")) {
						return text;
					}
				}
			}
		}
		catch (SocketTimeoutException ex) {
			return "TIMEOUT";
		}
		catch (IOException ex) {
			return "EOF";
		}
	}

	/** Reads until the server closes the connection (or 10 s pass); returns everything read, last part last. */
	public String untilClosed() {
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			String next = next();
			all.append(next).append('\u0001');
			if (next.startsWith("CLOSE:") || next.equals("EOF") || next.equals("TIMEOUT")) {
				break;
			}
		}
		return all.toString();
	}

	/** Sets how long {@link #next()} waits. */
	public RawWebSocket timeout(int millis) {
		try {
			this.socket.setSoTimeout(millis);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing to do.
		}
	}

}
