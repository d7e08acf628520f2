package township.rollup.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Standard output and error in UTF-8, whatever the locale cron runs with, so that Chinese is never
 * printed as question marks. A run handed over by {@code jobs/rollup nightly} to the running portal
 * ({@link HandOver}) prints on the portal's thread into the waiting command's streams instead
 * ({@link #captured}): the summary keeps its one home, what the run prints.
 */
public final class Console {

	private static final ThreadLocal<OutputStream[]> CAPTURE = new ThreadLocal<>();

	public static final PrintStream OUT = new PrintStream(new Routed(new FileOutputStream(FileDescriptor.out), 0), true,
			StandardCharsets.UTF_8);

	public static final PrintStream ERR = new PrintStream(new Routed(new FileOutputStream(FileDescriptor.err), 1), true,
			StandardCharsets.UTF_8);

	private Console() {
	}

	/** Runs {@code work} with what this thread prints to OUT and ERR sent to {@code out} and {@code err}. */
	static <T> T captured(OutputStream out, OutputStream err, Supplier<T> work) {
		OutputStream[] before = CAPTURE.get();
		CAPTURE.set(new OutputStream[] { out, err });
		try {
			return work.get();
		}
		finally {
			OUT.flush();
			ERR.flush();
			if (before == null) {
				CAPTURE.remove();
			}
			else {
				CAPTURE.set(before);
			}
		}
	}

	private static final class Routed extends OutputStream {

		private final OutputStream plain;

		private final int index;

		Routed(OutputStream plain, int index) {
			this.plain = plain;
			this.index = index;
		}

		private OutputStream target() {
			OutputStream[] capture = CAPTURE.get();
			return capture == null ? plain : capture[index];
		}

		@Override
		public void write(int b) throws IOException {
			target().write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			target().write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			target().flush();
		}

	}

}
