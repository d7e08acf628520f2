package township.rollup.cli;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The exit code of the command that ran, handed to {@code SpringApplication.exit}. It replaces Boot's
 * {@code JobExecutionExitCodeGenerator}, whose codes (BatchStatus ordinals) are not ours.
 */
public class CommandExitCode implements ExitCodeGenerator {

	private volatile int code;

	public void set(int code) {
		this.code = code;
	}

	@Override
	public int getExitCode() {
		return code;
	}

}
