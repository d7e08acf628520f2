package township.rollup.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Places in a run where the crash tests kill the JVM. Inert unless {@code rollup.fault.pause-at} names a
 * point: the process then announces {@code FAULT-POINT <name>} on standard output and waits there to be
 * killed, so a test can kill it at exactly that point instead of at a guessed moment.
 */
@Component
public class FaultPoints {

	private final String pauseAt;

	private final int occurrence;

	private int seen;

	public FaultPoints(@Value("${rollup.fault.pause-at:}") String pauseAt,
			@Value("${rollup.fault.occurrence:1}") int occurrence) {
		this.pauseAt = pauseAt;
		this.occurrence = occurrence;
	}

	public synchronized void reach(String point) {
		if (pauseAt.isEmpty() || !pauseAt.equals(point) || ++seen != occurrence) {
			return;
		}
		System.out.println("FAULT-POINT " + point);
		System.out.flush();
		try {
			Thread.sleep(Long.MAX_VALUE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
