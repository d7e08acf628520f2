package township.rollup.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import township.rollup.ingest.ReaderFingerprint;
import township.rollup.rules.Finding;
import township.rollup.store.ContentPacks;
import township.rollup.store.ReceivedFileStore;
import township.rollup.submission.SourceFile;

/**
 * Stores what was read: new files in one batch, with their bytes appended to the step's pack and synced
 * before the chunk commits; results of an older reader replaced. A file whose content the database
 * refuses is quarantined: recorded as unreadable with one finding saying why, and the run goes on.
 */
class ReceiveWriter implements ItemWriter<Received> {

	private final int year;

	private final String digest;

	private final long jobExecutionId;

	private final String pack;

	private final ReceivedFileStore files;

	private final ContentPacks packs;

	private final Quarantine quarantine;

	private final Clock clock;

	private final FaultPoints faults;

	private final String reader = ReaderFingerprint.value();

	ReceiveWriter(int year, String digest, long jobExecutionId, String pack, ReceivedFileStore files,
			ContentPacks packs, Quarantine quarantine, Clock clock, FaultPoints faults) {
		this.year = year;
		this.digest = digest;
		this.jobExecutionId = jobExecutionId;
		this.pack = pack;
		this.files = files;
		this.packs = packs;
		this.quarantine = quarantine;
		this.clock = clock;
		this.faults = faults;
	}

	/** A read file with where its bytes now are. */
	private record Stored(Received.Read read, String contentRef) {

		@Override
		public String toString() {
			return read.toString();
		}

	}

	@Override
	public void write(Chunk<? extends Received> chunk) {
		Instant now = clock.instant();
		List<Received.Read> reads = new ArrayList<>();
		for (Received item : chunk) {
			if (item instanceof Received.Read read) {
				reads.add(read);
			}
		}
		List<byte[]> contents = new ArrayList<>();
		List<Received.Read> withBytes = new ArrayList<>();
		for (Received.Read read : reads) {
			if (read.receivedFileId() == null && read.file().notRead() == null && read.file().bytes().length > 0) {
				contents.add(read.file().bytes());
				withBytes.add(read);
			}
		}
		List<String> refs = packs.append(pack, contents);
		List<Stored> stored = new ArrayList<>();
		for (Received.Read read : reads) {
			int at = withBytes.indexOf(read);
			stored.add(new Stored(read, at < 0 ? null : refs.get(at)));
		}
		quarantine.writeAll(stored, batch -> write(batch, now), (item, fault) -> quarantined(item, fault, now));
		// where the crash tests kill a run: rows written, bytes appended, nothing committed yet
		for (int i = 0; i < chunk.size(); i++) {
			faults.reach("receive.write");
		}
	}

	private void write(List<Stored> batch, Instant now) {
		List<ReceivedFileStore.NewFile> fresh = new ArrayList<>();
		for (Stored s : batch) {
			Received.Read r = s.read();
			if (r.receivedFileId() != null) {
				files.replaceRead(r.receivedFileId(), r.encoding(), r.parsed(), r.numbers(), r.findings(), reader);
			}
			else {
				fresh.add(new ReceivedFileStore.NewFile(r.file(), r.encoding(), r.parsed(), r.numbers(), r.findings(),
						s.contentRef()));
			}
		}
		files.insertAll(year, fresh, reader, now, jobExecutionId, digest);
	}

	/** The file as unreadable for this content, with the database's reason; its bytes stay in the pack. */
	private void quarantined(Stored item, RuntimeException fault, Instant now) {
		SourceFile file = item.read().file();
		List<Finding> why = List.of(quarantine.storeFinding(file.fileName(), file.sizeBytes(), file.sha256(), fault));
		Received.Read read = item.read();
		boolean stored = read.receivedFileId() != null
				? quarantine.attempt(() -> files.replaceRead(read.receivedFileId(), null, Optional.empty(), null, why,
						reader))
				: quarantine.attempt(() -> files.insertAll(year, List.of(new ReceivedFileStore.NewFile(file, null,
						Optional.empty(), null, why, item.contentRef())), reader, now, jobExecutionId, digest))
						|| quarantine.attempt(() -> files.insertAll(year, List.of(new ReceivedFileStore.NewFile(file, null,
								Optional.empty(), null, why, null)), reader, now, jobExecutionId, digest));
		if (!stored) {
			throw fault;
		}
	}

}
