package township.rollup.registry;

/** The registry file cannot be used: a configuration error, not a finding about a submission. */
public class RegistryException extends RuntimeException {

	public RegistryException(String message) {
		super(message);
	}

	public RegistryException(String message, Throwable cause) {
		super(message, cause);
	}

}
