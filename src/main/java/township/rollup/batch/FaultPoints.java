package township.rollup.batch;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Places in a run where the crash tests kill the JVM. Inert unless {@code rollup.fault.pause-at} names a
 * point: the process then announces {@code FAULT-POINT <name>} on standard output and waits there to be
 * killed, so a test can kill it at exactly that point instead of at a guessed moment. With
 * {@code rollup.fault.fail-at} the run fails there instead, as a run that hits a bug or a full disk does.
 */
@Component
public class FaultPoints {

	private final String pauseAt;

	private final String failAt;

	private final int occurrence;

	private int seen;

	public FaultPoints(@Value("${rollup.fault.pause-at:}") String pauseAt,
			@Value("${rollup.fault.fail-at:}") String failAt, @Value("${rollup.fault.occurrence:1}") int occurrence) {
		this.pauseAt = pauseAt;
		this.failAt = failAt;
		this.occurrence = occurrence;
	}

	/**
	 * A point at the start of every chunk after the first: the previous chunk has committed and the next
	 * has written nothing yet. ({@code afterChunk} runs inside the chunk's transaction, before its commit.)
	 */
	<I, O> ChunkListener<I, O> betweenChunks(String point) {
		return new ChunkListener<>() {

			private int chunks;

			@Override
			public void beforeChunk(Chunk<I> chunk) {
				if (chunks++ > 0) {
					reach(point);
				}
			}

		};
	}

	public synchronized void reach(String point) {
		if (point.equals(failAt)) {
			throw new IllegalStateException("injected fault at " + point);
		}
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
