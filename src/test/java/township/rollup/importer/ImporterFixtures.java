package township.rollup.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import township.rollup.ingest.SubmissionParser;
import township.rollup.reportformat.ReportFormats;

/** Fixtures of the importer, read and decoded as the command reads them. */
final class ImporterFixtures {

	static final Path DIR = Path.of("src/test/resources/fixtures/importer");

	static final Path SEED = DIR.resolve("seed-000_c8d30c2eb8575ca5.txt");

	static final PublishedReportImporter IMPORTER = new PublishedReportImporter(ReportFormats.standard());

	private ImporterFixtures() {
	}

	static String text(Path file) {
		try {
			SubmissionParser.DecodedText decoded = SubmissionParser.decodeText(Files.readAllBytes(file));
			if (!decoded.isText()) {
				throw new IllegalStateException(file + " is not text: " + decoded.problem());
			}
			return decoded.text();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String fixture) {
		return text(DIR.resolve(fixture));
	}

	static ImportResult read(String text, PublishedReportImporter.Source source, String format) {
		return IMPORTER.read(text, source, format);
	}

	static ImportResult readFixture(String fixture, String format) {
		if (PublishedReportImporter.Source.ofFileName(fixture) == PublishedReportImporter.Source.PDF) {
			PublishedReportImporter.PdfImport pdf = IMPORTER.readPdf(bytes(fixture), format);
			if (pdf.result() == null) {
				throw new IllegalStateException(fixture + " is not read: " + pdf.problem() + " " + pdf.detail());
			}
			return pdf.result();
		}
		return read(text(fixture), PublishedReportImporter.Source.ofFileName(fixture), format);
	}

	static byte[] bytes(String fixture) {
		try {
			return Files.readAllBytes(DIR.resolve(fixture));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's lines as written, numbered from 1 at index 1, as an editor shows them. */
	static List<String> lines(String text) {
		return List.of(("\n" + text).split("\r\n|\r|\n", -1));
	}

}
