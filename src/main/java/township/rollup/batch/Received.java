package township.rollup.batch;

import java.util.List;
import java.util.Optional;

import township.rollup.rules.Finding;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/** What the receive step made of one inbox entry: seen before, read again, or new and read. */
sealed interface Received {

	/** The same name and content was received and read by this reader earlier: nothing to do. */
	record Seen(long receivedFileId, String fileName) implements Received {
	}

	/**
	 * A read file: new content ({@code receivedFileId} null) or content received earlier but read by an
	 * older reader, whose results these replace. {@code numbers} is the numbers in the format's order.
	 */
	record Read(Long receivedFileId, SourceFile file, String encoding, Optional<ParsedSubmission> parsed,
			String numbers, List<Finding> findings) implements Received {

		@Override
		public String toString() {
			return "Read[" + file + "]";
		}

	}

}
