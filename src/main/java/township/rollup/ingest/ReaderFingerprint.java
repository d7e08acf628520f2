package township.rollup.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import township.rollup.bytes.Sha256;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.RuleCatalogue;

/**
 * What produced the cells and reading findings stored for a file: the reading code itself (the bytes
 * of its classes), the report formats, the messages of the reading rules and the version of Apache POI,
 * which reads workbooks. When a release changes any of them, a file already received is read again
 * instead of keeping what an older reader made of it. Computed once per process.
 */
public final class ReaderFingerprint {

	/**
	 * The classes whose code decides what is read from a file. {@code ReaderFingerprintTests} checks that
	 * every class of this package is either here or known not to affect reading.
	 */
	static final List<String> READING_CLASSES = List.of("township/rollup/ingest/SubmissionParser",
			"township/rollup/ingest/SubmissionParser$Reading", "township/rollup/ingest/SubmissionParser$Result",
			"township/rollup/ingest/SubmissionParser$1", "township/rollup/ingest/CellParser",
			"township/rollup/ingest/CellParser$Parsed", "township/rollup/ingest/CellParser$1",
			"township/rollup/ingest/Decoder", "township/rollup/ingest/Decoder$Problem",
			"township/rollup/ingest/Decoder$ProblemKind", "township/rollup/ingest/Decoder$Result",
			"township/rollup/ingest/Decoder$Text", "township/rollup/ingest/GridReader",
			"township/rollup/ingest/GridReader$Grid", "township/rollup/ingest/GridReader$GridLine",
			"township/rollup/ingest/FormatEvidence", "township/rollup/ingest/FormatEvidence$Mismatch",
			"township/rollup/ingest/XlsxReader", "township/rollup/ingest/XlsxReader$1",
			"township/rollup/ingest/XlsxReader$Result", "township/rollup/ingest/XlsxReader$Workbook",
			"township/rollup/ingest/XlsxReader$Problem", "township/rollup/ingest/WorkbookGrid",
			"township/rollup/ingest/CellOrigin", "township/rollup/ingest/CellOrigin$Kind",
			"township/rollup/reportformat/Labels", "township/rollup/reportformat/WorkbookFormat",
			"township/rollup/submission/TextLimits",
			"township/rollup/submission/Cell", "township/rollup/submission/Meta", "township/rollup/submission/Note",
			"township/rollup/ingest/Inbox$Named");

	private static volatile String value;

	private ReaderFingerprint() {
	}

	public static String value() {
		String result = value;
		if (result == null) {
			result = compute();
			value = result;
		}
		return result;
	}

	private static String compute() {
		Sha256 digest = Sha256.start();
		digest.add("formats=" + ReportFormats.standard().fingerprint() + "\nreading-rules="
				+ RuleCatalogue.standard().commonFingerprint() + "\npoi=" + org.apache.poi.Version.getVersion() + "\n");
		for (String name : READING_CLASSES) {
			try (InputStream in = ReaderFingerprint.class.getClassLoader().getResourceAsStream(name + ".class")) {
				if (in == null) {
					// a listed nested class the compiler did not emit: its absence is part of the code too
					digest.add("absent:" + name + "\n");
					continue;
				}
				digest.add(name);
				digest.add(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return digest.hex();
	}

}
