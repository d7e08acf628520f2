package township.rollup.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import township.rollup.ingest.ReaderFingerprint;
import township.rollup.rules.Finding;
import township.rollup.store.ReceivedFileStore;
import township.rollup.submission.SourceFile;

/**
 * Stores new files with what was read from them, replaces what an older reader read, and marks known
 * files as seen by this run. A file whose content the database refuses is quarantined: it is recorded
 * as unreadable with one finding saying why, and the run goes on.
 */
class ReceiveWriter implements ItemWriter<Received> {

	private final int year;

	private final String digest;

	private final long jobExecutionId;

	private final ReceivedFileStore files;

	private final Quarantine quarantine;

	private final Clock clock;

	private final FaultPoints faults;

	private final String reader = ReaderFingerprint.value();

	ReceiveWriter(int year, String digest, long jobExecutionId, ReceivedFileStore files, Quarantine quarantine,
			Clock clock, FaultPoints faults) {
		this.year = year;
		this.digest = digest;
		this.jobExecutionId = jobExecutionId;
		this.files = files;
		this.quarantine = quarantine;
		this.clock = clock;
		this.faults = faults;
	}

	@Override
	public void write(Chunk<? extends Received> chunk) {
		Instant now = clock.instant();
		List<Received> items = List.copyOf(chunk.getItems());
		quarantine.writeAll(items, item -> {
			write(item, now);
			faults.reach("receive.write");
		}, (item, fault) -> quarantined(item, fault, now));
	}

	private void write(Received item, Instant now) {
		if (item instanceof Received.Seen seen) {
			files.markSeen(seen.receivedFileId(), digest);
		}
		else if (item instanceof Received.Reread again) {
			files.replaceRead(again.receivedFileId(), year, again.encoding(), again.parsed(), again.findings(), reader,
					digest);
		}
		else if (item instanceof Received.Fresh fresh) {
			files.insert(year, fresh.file(), fresh.encoding(), fresh.parsed(), fresh.findings(), reader, now,
					jobExecutionId, digest, true);
		}
	}

	/** The file as unreadable for this content, with the database's reason; its bytes if they can be kept. */
	private void quarantined(Received item, RuntimeException fault, Instant now) {
		if (item instanceof Received.Reread again) {
			List<Finding> why = List.of(quarantine.storeFinding(again.file().fileName(), again.file().sizeBytes(),
					again.file().sha256(), fault));
			if (!quarantine.attempt(() -> files.replaceRead(again.receivedFileId(), year, null, Optional.empty(), why,
					reader, digest))) {
				throw fault;
			}
		}
		else if (item instanceof Received.Fresh fresh) {
			SourceFile file = fresh.file();
			List<Finding> why = List.of(quarantine.storeFinding(file.fileName(), file.sizeBytes(), file.sha256(), fault));
			boolean stored = quarantine.attempt(() -> files.insert(year, file, null, Optional.empty(), why, reader, now,
					jobExecutionId, digest, true))
					|| quarantine.attempt(() -> files.insert(year, file, null, Optional.empty(), why, reader, now,
							jobExecutionId, digest, false));
			if (!stored) {
				throw fault;
			}
		}
		else {
			throw fault;
		}
	}

}
