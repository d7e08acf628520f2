package township.rollup.importer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import township.rollup.importer.ColumnText.Line;
import township.rollup.importer.ColumnText.Word;

/**
 * The text layer of a PDF as lines of positioned words (Apache PDFBox 3), for {@link ColumnText}. Lines
 * are numbered in reading order over the whole file, page after page, counting only lines with text: the
 * line numbers of an import record of a PDF are these.
 *
 * <p>
 * Bounds, so that a hostile or broken file gets a message and never a hang or a crash: at most
 * {@link #MAX_PAGES} pages and {@link #MAX_CHARACTERS} characters of text, {@link #MAX_SECONDS} seconds and
 * {@link #MAX_MEMORY} bytes of buffers per file; any failure of the parser (a damaged file, objects nested
 * too deep) is a refusal with its reason. Nothing is guessed: a PDF without a text layer (a scan) is
 * refused, never read by OCR.
 */
public final class PdfText {

	/** An annual report has about ten pages; a hundred is far more than any. */
	public static final int MAX_PAGES = 100;

	public static final int MAX_CHARACTERS = 500_000;

	public static final int MAX_SECONDS = 30;

	static final long MAX_MEMORY = 256L * 1024 * 1024;

	/** Why a PDF is not read. */
	public enum Problem {

		/** No text on any page: a scan, or pages of images. */
		NO_TEXT,

		/** A password is needed to open it. */
		PASSWORD,

		/** More pages than {@link #MAX_PAGES}. */
		TOO_MANY_PAGES,

		/** More text than {@link #MAX_CHARACTERS}. */
		TOO_MUCH_TEXT,

		/** Not read within {@link #MAX_SECONDS}. */
		TOO_SLOW,

		/** Not a PDF that can be read: damaged, or built to break a reader. */
		DAMAGED

	}

	/** The lines read, or why none were. */
	record Result(List<Line> lines, int pages, Problem problem, String detail) {

		static Result refused(Problem problem, String detail) {
			return new Result(List.of(), 0, problem, detail);
		}

	}

	private PdfText() {
	}

	static Result read(byte[] pdf) {
		ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "pdf-text");
			t.setDaemon(true); // a parser that does not stop when told cannot keep the command from ending
			return t;
		});
		Future<Result> result = worker.submit(() -> readNow(pdf));
		try {
			return result.get(MAX_SECONDS, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			return Result.refused(Problem.TOO_SLOW, String.valueOf(MAX_SECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			return Result.refused(Problem.TOO_SLOW, String.valueOf(MAX_SECONDS));
		}
		catch (ExecutionException ex) {
			return Result.refused(Problem.DAMAGED, describe(ex.getCause()));
		}
		finally {
			worker.shutdownNow();
		}
	}

	private static Result readNow(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf, "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
			int pages = doc.getNumberOfPages();
			if (pages > MAX_PAGES) {
				return Result.refused(Problem.TOO_MANY_PAGES, String.valueOf(pages));
			}
			Collector collector = new Collector();
			collector.writeText(doc, Writer.nullWriter());
			if (collector.characters == 0) {
				return new Result(List.of(), pages, Problem.NO_TEXT, String.valueOf(pages));
			}
			return new Result(collector.lines, pages, null, "");
		}
		catch (InvalidPasswordException ex) {
			return Result.refused(Problem.PASSWORD, "");
		}
		catch (TooMuchText ex) {
			return Result.refused(Problem.TOO_MUCH_TEXT, String.valueOf(MAX_CHARACTERS));
		}
		catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			return Result.refused(Problem.DAMAGED, describe(ex));
		}
	}

	private static String describe(Throwable ex) {
		if (ex instanceof StackOverflowError) {
			return "StackOverflowError";
		}
		if (ex instanceof OutOfMemoryError) {
			return "OutOfMemoryError";
		}
		String message = ex.getMessage();
		String shown = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ");
		return ex.getClass().getSimpleName() + (shown.isEmpty() ? "" : ": " + shown.substring(0, Math.min(200, shown.length())));
	}

	/** Thrown by the collector to stop reading. */
	private static final class TooMuchText extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooMuchText() {
			super(null, null, false, false);
		}

	}

	/** The characters of each page, with where they stand, grouped into lines and words at the page's end. */
	private static final class Collector extends PDFTextStripper {

		final List<Line> lines = new ArrayList<>();

		final List<TextPosition> page = new ArrayList<>();

		int characters;

		Collector() throws IOException {
		}

		@Override
		protected void processTextPosition(TextPosition text) {
			if (Thread.currentThread().isInterrupted()) {
				throw new java.util.concurrent.CancellationException();
			}
			if (text.getUnicode() == null || text.getUnicode().isBlank()) {
				return;
			}
			characters += text.getUnicode().length();
			if (characters > MAX_CHARACTERS) {
				throw new TooMuchText();
			}
			page.add(text);
		}

		@Override
		protected void endPage(PDPage pdPage) throws IOException {
			page.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
			List<List<TextPosition>> rows = new ArrayList<>();
			double lineY = Double.NaN;
			for (TextPosition t : page) {
				double tolerance = Math.max(1.5, 0.3 * size(t));
				if (rows.isEmpty() || t.getYDirAdj() - lineY > tolerance) {
					rows.add(new ArrayList<>());
					lineY = t.getYDirAdj();
				}
				rows.get(rows.size() - 1).add(t);
			}
			for (List<TextPosition> row : rows) {
				row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
				List<Word> words = new ArrayList<>();
				StringBuilder text = new StringBuilder();
				double left = 0;
				double right = Double.NEGATIVE_INFINITY;
				for (TextPosition t : row) {
					double gap = t.getXDirAdj() - right;
					if (text.length() > 0 && gap > Math.max(2, 0.35 * size(t))) {
						words.add(new Word(left, right, text.toString()));
						text.setLength(0);
					}
					if (text.length() == 0) {
						left = t.getXDirAdj();
					}
					text.append(t.getUnicode());
					right = Math.max(right, t.getXDirAdj() + t.getWidthDirAdj());
				}
				if (text.length() > 0) {
					words.add(new Word(left, right, text.toString()));
				}
				lines.add(new Line(lines.size() + 1, words));
			}
			page.clear();
		}

		private static double size(TextPosition t) {
			double size = t.getFontSizeInPt();
			return size > 0 ? size : Math.max(1, t.getHeightDir());
		}

	}

}
