package township.rollup.importer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import township.rollup.importer.PublishedReportImporter.PdfImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PDFs that are not read, each with its reason, and none of them a hang or a crash
 * (fixtures/importer/pdf, made by {@link PdfFixtureMaker}).
 */
class PdfRefusalTests {

	private static PdfImport read(String fixture) {
		byte[] bytes = ImporterFixtures.bytes("pdf/" + fixture);
		return assertTimeoutPreemptively(Duration.ofSeconds(PdfText.MAX_SECONDS + 5),
				() -> ImporterFixtures.IMPORTER.readPdf(bytes, null));
	}

	@Test
	void aScanHasNoTextLayerAndIsNotRead() {
		// when
		PdfImport pdf = read("pdf-scan-image-only.pdf");

		// then
		assertThat(pdf.result()).isNull();
		assertThat(pdf.problem()).isEqualTo(PdfText.Problem.NO_TEXT);
		assertThat(pdf.pages()).isEqualTo(1);
	}

	@Test
	void aPdfThatNeedsAPasswordToOpenIsRefused() {
		// when
		PdfImport pdf = read("pdf-password-to-open.pdf");

		// then
		assertThat(pdf.result()).isNull();
		assertThat(pdf.problem()).isEqualTo(PdfText.Problem.PASSWORD);
	}

	@Test
	void aPdfWithAnOwnerPasswordOnlyIsRead() {
		// when
		PdfImport pdf = read("pdf-2021-other-one-row-owner-password.pdf");

		// then
		assertThat(pdf.problem()).isNull();
		assertThat(pdf.result().formatId()).isEqualTo("2021");
	}

	@Test
	void aPdfOfMorePagesThanAnyReportIsRefusedUnread() {
		// when
		PdfImport pdf = read("pdf-hostile-many-pages.pdf");

		// then
		assertThat(pdf.result()).isNull();
		assertThat(pdf.problem()).isEqualTo(PdfText.Problem.TOO_MANY_PAGES);
		assertThat(pdf.detail()).isEqualTo("600");
	}

	@Test
	void objectsNestedDeepGiveAnAnswerNotACrash() {
		// when
		PdfImport pdf = read("pdf-hostile-deep-nesting.pdf");

		// then: refused as damaged, or read as a page with no text; never a hang, a crash or a value
		assertThat(pdf.problem()).isIn(PdfText.Problem.DAMAGED, PdfText.Problem.NO_TEXT);
		assertThat(pdf.result()).isNull();
	}

	@Test
	void bytesThatAreNotAPdfAreRefusedAsDamaged() {
		// when
		PdfImport pdf = ImporterFixtures.IMPORTER.readPdf("%PDF-1.4\nnot really".getBytes(), null);

		// then
		assertThat(pdf.result()).isNull();
		assertThat(pdf.problem()).isEqualTo(PdfText.Problem.DAMAGED);
	}

	@Test
	void aReportPdfIsReadInWellUnderASecond() {
		for (String fixture : new String[] { "pdf-2019-ruled-split.pdf", "pdf-2021-unruled-centered.pdf" }) {
			// given
			byte[] bytes = ImporterFixtures.bytes("pdf/" + fixture);
			ImporterFixtures.IMPORTER.readPdf(bytes, null); // warm: the first read loads PDFBox's classes

			// when
			long start = System.nanoTime();
			PdfImport pdf = ImporterFixtures.IMPORTER.readPdf(bytes, null);
			long millis = (System.nanoTime() - start) / 1_000_000;

			// then
			assertThat(pdf.result().found()).as(fixture).isPositive();
			assertThat(millis).as(fixture + " read in ms").isLessThan(2000);
		}
	}

}
