package township.rollup.importer;

import java.awt.geom.Point2D;
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
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import township.rollup.importer.ColumnText.Line;
import township.rollup.importer.ColumnText.Word;

/**
 * The text layer of a PDF as lines of positioned words (Apache PDFBox 3), for {@link ColumnText}, each
 * word with its cell row where the page draws ruling lines (a band between two horizontal lines). Lines
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

		int pageIndex;

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
			Rules rules = new Rules(pdPage);
			rules.processPage(pdPage);
			pageIndex++;
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
				double baseline = row.get(0).getYDirAdj();
				List<Word> words = new ArrayList<>();
				StringBuilder text = new StringBuilder();
				double left = 0;
				double right = Double.NEGATIVE_INFINITY;
				for (TextPosition t : row) {
					double gap = t.getXDirAdj() - right;
					if (text.length() > 0 && gap > Math.max(2, 0.35 * size(t))) {
						words.add(word(left, right, text.toString(), baseline, rules));
						text.setLength(0);
					}
					if (text.length() == 0) {
						left = t.getXDirAdj();
					}
					text.append(t.getUnicode());
					right = Math.max(right, t.getXDirAdj() + t.getWidthDirAdj());
				}
				if (text.length() > 0) {
					words.add(word(left, right, text.toString(), baseline, rules));
				}
				lines.add(new Line(lines.size() + 1, words));
			}
			page.clear();
		}

		/** The word, with its band between the ruling lines above and below its middle, if any. */
		private Word word(double left, double right, String text, double baseline, Rules rules) {
			double middle = (left + right) / 2;
			double above = Double.NaN;
			double below = Double.NaN;
			for (double[] rule : rules.horizontal) {
				if (rule[1] - 1 <= middle && middle <= rule[2] + 1) {
					double y = rule[0];
					if (y < baseline - 2 && (Double.isNaN(above) || y > above)) {
						above = y; // the nearest above the glyphs' top is at most their size up
					}
					if (y > baseline && (Double.isNaN(below) || y < below)) {
						below = y;
					}
				}
			}
			if (Double.isNaN(above) || Double.isNaN(below)) {
				return new Word(left, right, text);
			}
			return new Word(left, right, text, pageIndex * 1_000_000L + Math.round(above * 10));
		}

		private static double size(TextPosition t) {
			double size = t.getFontSizeInPt();
			return size > 0 ? size : Math.max(1, t.getHeightDir());
		}

	}


	/**
	 * The horizontal ruling lines a page draws (stroked lines, the edges of stroked rectangles, thin filled
	 * rectangles), in the text's coordinates: y from the top of the page. Paths only clipped with are not
	 * lines.
	 */
	private static final class Rules extends PDFGraphicsStreamEngine {

		/** y, left, right of each line. */
		final List<double[]> horizontal = new ArrayList<>();

		private final List<double[]> path = new ArrayList<>();

		private final double height;

		private Point2D current = new Point2D.Double();

		Rules(PDPage page) {
			super(page);
			this.height = page.getCropBox().getHeight() + page.getCropBox().getLowerLeftY();
		}

		private void segment(double x1, double y1, double x2, double y2) {
			if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > 4 && path.size() < 100_000) {
				path.add(new double[] { height - (y1 + y2) / 2, Math.min(x1, x2), Math.max(x1, x2) });
			}
		}

		@Override
		public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
			double top = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
			double bottom = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
			double left = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
			double right = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
			if (top - bottom < 2) {
				segment(left, (top + bottom) / 2, right, (top + bottom) / 2);
			}
			else {
				segment(left, top, right, top);
				segment(left, bottom, right, bottom);
			}
			current = p0;
		}

		@Override
		public void moveTo(float x, float y) {
			current = new Point2D.Float(x, y);
		}

		@Override
		public void lineTo(float x, float y) {
			segment(current.getX(), current.getY(), x, y);
			current = new Point2D.Float(x, y);
		}

		@Override
		public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
			current = new Point2D.Float(x3, y3);
		}

		@Override
		public Point2D getCurrentPoint() {
			return current;
		}

		@Override
		public void closePath() {
		}

		@Override
		public void endPath() {
			path.clear(); // a path for clipping only
		}

		@Override
		public void strokePath() {
			keep();
		}

		@Override
		public void fillPath(int windingRule) {
			keep();
		}

		@Override
		public void fillAndStrokePath(int windingRule) {
			keep();
		}

		private void keep() {
			if (horizontal.size() < 100_000) {
				horizontal.addAll(path);
			}
			path.clear();
		}

		@Override
		public void drawImage(PDImage pdImage) {
		}

		@Override
		public void clip(int windingRule) {
		}

		@Override
		public void shadingFill(COSName shadingName) {
		}

		@Override
		public void showTextString(byte[] string) {
		}

		@Override
		public void showTextStrings(COSArray array) {
		}

	}

}
