package township.rollup.batch;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.store.ReceivedFileStore;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/** Hashes an inbox file; reads it only if this name and content were not received before. */
class ReceiveProcessor implements ItemProcessor<Path, Received> {

	private final int year;

	private final ReceivedFileStore files;

	private final SubmissionParser parser;

	ReceiveProcessor(int year, ReceivedFileStore files, SubmissionParser parser) {
		this.year = year;
		this.files = files;
		this.parser = parser;
	}

	@Override
	public Received process(Path path) {
		SourceFile file = Inbox.read(path, SubmissionParser.MAX_BYTES);
		var known = files.find(year, file.fileName(), file.sha256());
		if (known.isPresent()) {
			return new Received.Seen(known.get(), file.fileName());
		}
		SubmissionParser.Result result = parser.parse(file);
		String encoding = result.submission().map(ParsedSubmission::encoding).orElse(null);
		return new Received.Fresh(file, encoding, result.submission(), result.findings());
	}

}
