package township.rollup.batch;

import java.util.List;
import java.util.Optional;

import township.rollup.rules.Finding;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/** What the receive step made of one inbox file: seen before, or new and read. */
sealed interface Received {

	/** The same name and content was received earlier; only mark it seen by this run. */
	record Seen(long receivedFileId, String fileName) implements Received {
	}

	/** New content: its bytes, what was read and the findings of reading it. */
	record Fresh(SourceFile file, String encoding, Optional<ParsedSubmission> parsed, List<Finding> findings)
			implements Received {
	}

}
