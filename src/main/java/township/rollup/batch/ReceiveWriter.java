package township.rollup.batch;

import java.time.Clock;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import township.rollup.store.ReceivedFileStore;

/** Stores new files with what was read from them, and marks known files as seen by this run. */
class ReceiveWriter implements ItemWriter<Received> {

	private final int year;

	private final String digest;

	private final long jobExecutionId;

	private final ReceivedFileStore files;

	private final Clock clock;

	private final FaultPoints faults;

	ReceiveWriter(int year, String digest, long jobExecutionId, ReceivedFileStore files, Clock clock,
			FaultPoints faults) {
		this.year = year;
		this.digest = digest;
		this.jobExecutionId = jobExecutionId;
		this.files = files;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public void write(Chunk<? extends Received> chunk) {
		for (Received item : chunk) {
			if (item instanceof Received.Seen seen) {
				files.markSeen(seen.receivedFileId(), digest);
			}
			else if (item instanceof Received.Fresh fresh) {
				files.insert(year, fresh.file(), fresh.encoding(), fresh.parsed(), fresh.findings(), clock.instant(),
						jobExecutionId, digest);
			}
			faults.reach("receive.write");
		}
	}

}
