package township.rollup.run;

/** Something the run depends on cannot be used; the message names the file and, where known, the line. */
public class ConfigurationException extends RuntimeException {

	public ConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
