package township.rollup.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error in UTF-8, whatever the locale cron runs with, so that Chinese is never
 * printed as question marks.
 */
public final class Console {

	public static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	public static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	private Console() {
	}

}
