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
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.NumberVector;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.store.ReceivedFileStore;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

/**
 * Reads an inbox entry only if this name and content were not received before, or were read by an
 * older reader; a file that is not a submission is recorded, never opened. The hash comes from the scan the run's digest was made of; a file that changed since
 * is stored as it is read now. What the year's files are is looked up once per step.
 */
class ReceiveProcessor implements ItemProcessor<Inbox.Entry, Received> {

	private static final Logger log = LoggerFactory.getLogger(ReceiveProcessor.class);

	private final int year;

	private final ReceivedFileStore files;

	private final SubmissionParser parser;

	private final FindingFactory findings;

	private final ReportFormats formats;

	private final String reader = ReaderFingerprint.value();

	private Map<String, ReceivedFileStore.Known> known;

	ReceiveProcessor(int year, ReceivedFileStore files, SubmissionParser parser, FindingFactory findings,
			ReportFormats formats) {
		this.year = year;
		this.files = files;
		this.parser = parser;
		this.findings = findings;
		this.formats = formats;
	}

	@Override
	public Received process(Inbox.Entry entry) {
		if (known == null) {
			known = files.known(year);
		}
		Optional<ReceivedFileStore.Known> seen = ReceivedFileStore.lookup(known, entry.fileName(), entry.sha256());
		if (seen.isPresent() && reader.equals(seen.get().readerFingerprint())) {
			return new Received.Seen(seen.get().id(), entry.fileName());
		}
		if (!entry.isSubmission()) {
			// recorded as the scan saw it, never opened: its content is no one's report
			return new Received.Read(seen.map(ReceivedFileStore.Known::id).orElse(null),
					new SourceFile(entry.fileName(), entry.sizeBytes(), entry.sha256(), new byte[0]), null,
					Optional.empty(), null, List.of());
		}
		SourceFile file = Inbox.read(entry.path(), SubmissionParser.MAX_BYTES);
		if (!file.sha256().equals(entry.sha256())) {
			// changed since the scan: what is stored is what was read now
			seen = files.find(year, file.fileName(), file.sha256());
			if (seen.isPresent() && reader.equals(seen.get().readerFingerprint())) {
				return new Received.Seen(seen.get().id(), entry.fileName());
			}
		}
		SubmissionParser.Result result = parse(file);
		Optional<ParsedSubmission> parsed = result.submission();
		String numbers = parsed.filter(p -> p.formatId() != null)
			.map(p -> NumberVector.encode(formats.get(p.formatId()), p.numbers(), p.narrativeNumbers()))
			.orElse(null);
		return new Received.Read(seen.map(ReceivedFileStore.Known::id).orElse(null), file,
				parsed.map(ParsedSubmission::encoding).orElse(null), parsed, numbers, result.findings());
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

}
