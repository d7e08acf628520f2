package township.rollup.batch;

import java.util.List;
import java.util.Optional;

import township.rollup.rules.Finding;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/** What the receive step made of one inbox entry: seen before, read again, or new and read. */
sealed interface Received {

	/** The same name and content was received and read by this reader earlier; only mark it seen. */
	record Seen(long receivedFileId, String fileName) implements Received {
	}

	/** Received earlier but read by an older reader: read again, the results replace the old ones. */
	record Reread(long receivedFileId, SourceFile file, String encoding, Optional<ParsedSubmission> parsed,
			List<Finding> findings) implements Received {
	}

	/** New content: its bytes, what was read and the findings of reading it. */
	record Fresh(SourceFile file, String encoding, Optional<ParsedSubmission> parsed, List<Finding> findings)
			implements Received {

		@Override
		public String toString() {
			return "Fresh[" + file + "]";
		}

	}

}
