package township.rollup.cli;

/**
 * A condition the user must see as one clear message, with its exit code: a busy lock, a missing inbox,
 * a finalized year. Never printed with a stack trace.
 */
public class CommandException extends RuntimeException {

	private final int exitCode;

	public CommandException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return exitCode;
	}

}
