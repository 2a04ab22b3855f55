package org.spinout.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request written by hand to the server's socket: its head only, with a declared length and no
 * body. The answer can only arrive before the body if nothing waited for the body: so a test
 * sees that a request was refused without its body being read.
 */
final class RawRequest {

	private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

	private RawRequest() {
	}

	/** Sends the head and reads what comes back within ten seconds, up to the end of the answer or 64 KB. */
	static String headOnly(int port, String head) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((head.strip() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return read(socket.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not talk to the server", e);
		}
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			int n;
			while (answer.size() < 64 * 1024 && (n = in.read(buffer)) > 0) {
				answer.write(buffer, 0, n);
				if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
					break;
				}
			}
		}
		catch (SocketTimeoutException waited) {
			// what came is what there is
		}
		return answer.toString(StandardCharsets.UTF_8);
	}

	/** Whether the whole answer is in: its chunks have ended, or its declared length has come. */
	private static boolean complete(String answer) {
		int headEnd = answer.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			return false;
		}
		String head = answer.substring(0, headEnd).toLowerCase(Locale.ROOT);
		Matcher length = CONTENT_LENGTH.matcher(head);
		if (length.find()) {
			return answer.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
		}
		return answer.endsWith("\r\n0\r\n\r\n");
	}
}
