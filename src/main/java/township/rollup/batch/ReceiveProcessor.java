package township.rollup.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import township.rollup.ingest.Inbox;
import township.rollup.ingest.ReaderFingerprint;
import township.rollup.ingest.SubmissionParser;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.store.ReceivedFileStore;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/**
 * Reads an inbox entry only if this name and content were not received before, or were read by an
 * older reader. The hash comes from the scan the run's digest was made of; a file that changed since
 * is stored as it is read now.
 */
class ReceiveProcessor implements ItemProcessor<Inbox.Entry, Received> {

	private static final Logger log = LoggerFactory.getLogger(ReceiveProcessor.class);

	private final int year;

	private final ReceivedFileStore files;

	private final SubmissionParser parser;

	private final FindingFactory findings;

	private final String reader = ReaderFingerprint.value();

	ReceiveProcessor(int year, ReceivedFileStore files, SubmissionParser parser, FindingFactory findings) {
		this.year = year;
		this.files = files;
		this.parser = parser;
		this.findings = findings;
	}

	@Override
	public Received process(Inbox.Entry entry) {
		Optional<ReceivedFileStore.Known> known = files.find(year, entry.fileName(), entry.sha256());
		if (known.isPresent() && reader.equals(known.get().readerFingerprint())) {
			return new Received.Seen(known.get().id(), entry.fileName());
		}
		SourceFile file = Inbox.read(entry.path(), SubmissionParser.MAX_BYTES);
		if (!file.sha256().equals(entry.sha256())) {
			// changed since the scan: what is stored is what was read now
			known = files.find(year, file.fileName(), file.sha256());
			if (known.isPresent() && reader.equals(known.get().readerFingerprint())) {
				return new Received.Seen(known.get().id(), entry.fileName());
			}
		}
		SubmissionParser.Result result = parse(file);
		if (known.isPresent()) {
			return new Received.Reread(known.get().id(), file, encodingOf(result), result.submission(),
					result.findings());
		}
		return new Received.Fresh(file, encodingOf(result), result.submission(), result.findings());
	}

	/**
	 * Reading a file must end in findings, whatever the file holds: a failure of the reader itself on one
	 * file is recorded as that file's finding (and logged in full), never the end of the run.
	 */
	private SubmissionParser.Result parse(SourceFile file) {
		try {
			return parser.parse(file);
		}
		catch (RuntimeException | StackOverflowError ex) {
			log.error("reading {} failed inside the reader", file, ex);
			String reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			return new SubmissionParser.Result(Optional.empty(),
					List.of(findings
						.create("FILE-INTERNAL", Where.file(file.fileName()),
								Map.of("size", file.sizeBytes(), "sha256", file.sha256(), "reason", reason))
						.orElseThrow()));
		}
	}

	private static String encodingOf(SubmissionParser.Result result) {
		return result.submission().map(ParsedSubmission::encoding).orElse(null);
	}

}
