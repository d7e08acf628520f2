package township.rollup.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Makes the PDF fixtures of the importer once; they are committed, so tests and CI need neither this
 * nor its font. Run by {@code src/test/resources/fixtures/importer/pdf/make-fixtures.sh}, which also
 * writes each PDF's {@code pdftotext -layout} text beside it. The pages imitate a Word report printed to
 * PDF: a title page, a footer {@code - N -}, ruled (or unruled) tables whose labels wrap inside their
 * cells, Table 3's group label 三、本年度办理结果 in a column one character wide, so printed one character
 * per line, and Table 3 running over a page break. Every number is written here by hand; the expected
 * cells are written again, by hand, in {@code <case>.expected}.
 */
final class PdfFixtureMaker {

	private static final float SIZE = 9;

	private static final float LEADING = 11.5f;

	private static final float PAD = 3;

	private static final float LEFT = 56;

	private static final float TOP = 790;

	private static final float BOTTOM = 60;

	private static final PDFont LATIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType0Font font;

	private final PDDocument doc;

	private final boolean ruled;

	private final boolean centered;

	private PDPage page;

	private PDPageContentStream out;

	private float y;

	private int pageNumber;

	private PdfFixtureMaker(PDDocument doc, PDType0Font font, boolean ruled, boolean centered) {
		this.doc = doc;
		this.font = font;
		this.ruled = ruled;
		this.centered = centered;
	}

	public static void main(String[] args) throws IOException {
		Path fontFile = Path.of(args[0]);
		Path dir = Path.of(args[1]);
		Files.createDirectories(dir);
		report(fontFile, dir.resolve("pdf-2019-ruled-split.pdf"), "2019", true, false, false, null);
		report(fontFile, dir.resolve("pdf-2021-unruled-centered.pdf"), "2021", false, true, false, null);
		report(fontFile, dir.resolve("pdf-2021-other-one-row-owner-password.pdf"), "2021", true, false, true,
				new StandardProtectionPolicy("owner-secret", "", restricted()));
		report(fontFile, dir.resolve("pdf-2021-printed-labels.pdf"), "2021", true, false, true, null, PRINTED_AS);
		report(fontFile, dir.resolve("pdf-password-to-open.pdf"), "2021", true, false, false,
				new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
		scan(dir.resolve("pdf-scan-image-only.pdf"));
		manyPages(dir.resolve("pdf-hostile-many-pages.pdf"), 600);
		deepNesting(dir.resolve("pdf-hostile-deep-nesting.pdf"), 50_000);
	}

	private static AccessPermission restricted() {
		AccessPermission permission = new AccessPermission();
		permission.setCanPrint(false);
		permission.setCanExtractContent(false);
		permission.setCanModify(false);
		return permission;
	}

	/**
	 * Labels as 洪泽区's 2023 and 2024 reports print them (WPS, printed to PDF): words lost, and a space inside
	 * a label (two spaces here, wide enough to part the words as the real gap does).
	 */
	private static final java.util.Map<String, String> PRINTED_AS = java.util.Map.of(
			"2.其他法律行政法规禁止公开", "2.其他法律行政止公开",
			"4.无正当理由大量反复申请", "4.无正当理由大量反复  申请",
			"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情  形，不计其他情形）",
			"5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重  新出具已获取信息");

	private static void report(Path fontFile, Path file, String format, boolean ruled, boolean centered,
			boolean otherAsOneRow, StandardProtectionPolicy protection) throws IOException {
		report(fontFile, file, format, ruled, centered, otherAsOneRow, protection, java.util.Map.of());
	}

	private static void report(Path fontFile, Path file, String format, boolean ruled, boolean centered,
			boolean otherAsOneRow, StandardProtectionPolicy protection, java.util.Map<String, String> printedAs)
			throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
			PdfFixtureMaker m = new PdfFixtureMaker(doc, font, ruled, centered);
			m.titlePage(format.equals("2019") ? "2020" : "2021");
			m.newPage();
			m.paragraph("一、总体情况", 12);
			m.paragraph("本镇认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作做好政府信息公开，"
					+ "主动公开、依申请公开、政府信息管理和平台建设等工作有序推进。", SIZE + 1);
			m.paragraph("二、主动公开政府信息情况", 12);
			m.table(format.equals("2019") ? t2of2019() : t2of2021());
			m.paragraph("三、收到和处理政府信息公开申请情况", 12);
			m.table(printed(t3(format, otherAsOneRow), printedAs));
			m.paragraph("四、政府信息公开行政复议、行政诉讼情况", 12);
			m.table(t4());
			m.paragraph("五、存在的主要问题及改进情况", 12);
			m.paragraph("公开内容还不够全面，下一步将加强培训。", SIZE + 1);
			m.paragraph("六、其他需要报告的事项", 12);
			m.paragraph("无。", SIZE + 1);
			m.finishPage();
			if (protection != null) {
				doc.protect(protection);
			}
			doc.save(file.toFile());
		}
	}

	// the tables, as the report prints them: (column, colspan, rowspan, text) per cell

	record Cell(int col, int span, int rowspan, String text) {
	}

	record Table(float[] widths, List<List<Cell>> rows) {
	}

	private static List<Cell> row(Cell... cells) {
		return List.of(cells);
	}

	private static Cell c(int col, String text) {
		return new Cell(col, 1, 1, text);
	}

	private static Cell c(int col, int span, int rowspan, String text) {
		return new Cell(col, span, rowspan, text);
	}

	/** A data row: its label over {@code span} columns from {@code col}, then its values one per column. */
	private static List<Cell> data(int col, int span, String label, String... values) {
		List<Cell> cells = new ArrayList<>();
		cells.add(c(col, span, 1, label));
		for (int i = 0; i < values.length; i++) {
			cells.add(c(col + span + i, values[i]));
		}
		return cells;
	}

	private static Table t2of2019() {
		List<List<Cell>> rows = new ArrayList<>();
		rows.add(row(c(0, 4, 1, "第二十条第（一）项")));
		rows.add(row(c(0, "信息内容"), c(1, "本年新制作数量"), c(2, "本年新公开数量"), c(3, "对外公开总数量")));
		rows.add(data(0, 1, "规章", "0", "0", "0"));
		rows.add(data(0, 1, "规范性文件", "3", "4", "25"));
		rows.add(row(c(0, 4, 1, "第二十条第（五）项")));
		rows.add(row(c(0, "信息内容"), c(1, "上一年项目数量"), c(2, "本年增/减"), c(3, "处理决定数量")));
		rows.add(data(0, 1, "行政许可", "12", "-2", "340"));
		rows.add(data(0, 1, "其他对外管理服务事项", "6", "+1", "58"));
		rows.add(row(c(0, 4, 1, "第二十条第（六）项")));
		rows.add(row(c(0, "信息内容"), c(1, "上一年项目数量"), c(2, "本年增/减"), c(3, "处理决定数量")));
		rows.add(data(0, 1, "行政处罚", "9", "0", "17"));
		rows.add(data(0, 1, "行政强制", "2", "0", "5"));
		rows.add(row(c(0, 4, 1, "第二十条第（八）项")));
		rows.add(row(c(0, "信息内容"), c(1, "上一年项目数量"), c(2, 2, 1, "本年增/减")));
		rows.add(row(c(0, "行政事业性收费"), c(1, "4"), c(2, 2, 1, "-1")));
		rows.add(row(c(0, 4, 1, "第二十条第（九）项")));
		rows.add(row(c(0, "信息内容"), c(1, "采购项目数量"), c(2, 2, 1, "采购总金额")));
		rows.add(row(c(0, "政府集中采购"), c(1, "7"), c(2, 2, 1, "86.25")));
		return new Table(new float[] { 170, 100, 100, 100 }, rows);
	}

	private static Table t2of2021() {
		List<List<Cell>> rows = new ArrayList<>();
		rows.add(row(c(0, 4, 1, "第二十条第（一）项")));
		rows.add(row(c(0, "信息内容"), c(1, "本年制发件数"), c(2, "本年废止件数"), c(3, "现行有效件数")));
		rows.add(data(0, 1, "规章", "0", "0", "0"));
		rows.add(data(0, 1, "行政规范性文件", "5", "2", "31"));
		rows.add(row(c(0, 4, 1, "第二十条第（五）项")));
		rows.add(row(c(0, "信息内容"), c(1, 3, 1, "本年处理决定数量")));
		rows.add(row(c(0, "行政许可"), c(1, 3, 1, "412")));
		rows.add(row(c(0, 4, 1, "第二十条第（六）项")));
		rows.add(row(c(0, "信息内容"), c(1, 3, 1, "本年处理决定数量")));
		rows.add(row(c(0, "行政处罚"), c(1, 3, 1, "23")));
		rows.add(row(c(0, "行政强制"), c(1, 3, 1, "3")));
		rows.add(row(c(0, 4, 1, "第二十条第（八）项")));
		rows.add(row(c(0, "信息内容"), c(1, 3, 1, "本年收费金额（单位：万元）")));
		rows.add(row(c(0, "行政事业性收费"), c(1, 3, 1, "1.75")));
		return new Table(new float[] { 170, 100, 100, 100 }, rows);
	}

	/**
	 * Table 3 in ten columns: the group label (one character wide), the group captions, the row labels
	 * (narrow enough that long labels wrap), then the seven values. Row n's values are n1 … n7, by hand.
	 */
	private static Table t3(String format, boolean otherAsOneRow) {
		List<List<Cell>> rows = new ArrayList<>();
		rows.add(row(c(0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
				c(3, 7, 1, "申请人情况")));
		rows.add(row(c(3, 1, 2, "自然人"), c(4, 5, 1, "法人或其他组织"), c(9, 1, 2, "总计")));
		rows.add(row(c(4, "商业企业"), c(5, "科研机构"), c(6, "社会公益组织"), c(7, "法律服务机构"), c(8, "其他")));
		boolean y2021 = format.equals("2021");
		rows.add(data(0, 3, "一、本年新收政府信息公开申请数量", v(1)));
		rows.add(data(0, 3, "二、上年结转政府信息公开申请数量", v(2)));
		int groupRows = 2 + 8 + 3 + 5 + (y2021 && !otherAsOneRow ? 3 : 1) + 1;
		List<Cell> first = new ArrayList<>();
		first.add(c(0, 1, groupRows, "三、本年度办理结果"));
		first.addAll(data(1, 2, "（一）予以公开", v(3)));
		rows.add(first);
		rows.add(data(1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", v(4)));
		String[] t33 = { "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
				"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项" };
		group(rows, "（三）不予公开", t33, 5);
		group(rows, "（四）无法提供", new String[] { "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
				"3.补正后申请内容仍不明确" }, 13);
		group(rows, "（五）不予处理", new String[] { "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
				"4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息" }, 16);
		if (y2021 && !otherAsOneRow) {
			group(rows, "（六）其他处理", new String[] { "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
					"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他" }, 21);
			rows.add(data(1, 2, "（七）总计", v(24)));
		}
		else {
			rows.add(data(1, 2, "（六）其他处理", v(21)));
			// printed as the report has it: 24x, not the sum of its rows (the nightly will flag it)
			rows.add(data(1, 2, "（七）总计", otherAsOneRow ? v(99) : v(24)));
		}
		rows.add(data(0, 3, "四、结转下年度继续办理", v(25)));
		return new Table(new float[] { 16, 62, 122, 38, 38, 38, 38, 38, 38, 38 }, rows);
	}

	/** The table with some labels printed otherwise. */
	private static Table printed(Table t, java.util.Map<String, String> printedAs) {
		List<List<Cell>> rows = new ArrayList<>();
		for (List<Cell> row : t.rows()) {
			rows.add(row.stream().map(c -> new Cell(c.col(), c.span(), c.rowspan(), printedAs.getOrDefault(c.text(), c.text()))).toList());
		}
		return new Table(t.widths(), rows);
	}

	private static void group(List<List<Cell>> rows, String caption, String[] labels, int firstRow) {
		for (int i = 0; i < labels.length; i++) {
			List<Cell> cells = new ArrayList<>();
			if (i == 0) {
				cells.add(c(1, 1, labels.length, caption));
			}
			cells.addAll(data(2, 1, labels[i], v(firstRow + i)));
			rows.add(cells);
		}
	}

	/** Row n's seven values: n1 … n7 (n = 99: a total as misprinted, 991 … 997). */
	private static String[] v(int n) {
		String[] values = new String[7];
		for (int i = 0; i < 7; i++) {
			values[i] = n + "" + (i + 1);
		}
		return values;
	}

	private static Table t4() {
		List<List<Cell>> rows = new ArrayList<>();
		rows.add(row(c(0, 5, 2, "行政复议"), c(5, 10, 1, "行政诉讼")));
		rows.add(row(c(5, 5, 1, "未经复议直接起诉"), c(10, 5, 1, "复议后起诉")));
		List<Cell> heads = new ArrayList<>();
		String[] h = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
		for (int i = 0; i < 15; i++) {
			heads.add(c(i, h[i % 5]));
		}
		rows.add(heads);
		List<Cell> values = new ArrayList<>();
		String[] t4 = { "1", "0", "2", "0", "3", "4", "1", "0", "0", "5", "0", "0", "6", "1", "7" };
		for (int i = 0; i < 15; i++) {
			values.add(c(i, t4[i]));
		}
		rows.add(values);
		float[] widths = new float[15];
		java.util.Arrays.fill(widths, 31.5f);
		return new Table(widths, rows);
	}

	// the pages

	private void titlePage(String year) throws IOException {
		newPage();
		y = 560;
		centeredLine("东湖镇人民政府", 22);
		y -= 18;
		centeredLine(year + "年政府信息公开工作年度报告", 22);
		y -= 60;
		centeredLine((Integer.parseInt(year) + 1) + "年1月", 14);
		finishPage();
	}

	private void newPage() throws IOException {
		page = new PDPage(PDRectangle.A4);
		doc.addPage(page);
		out = new PDPageContentStream(doc, page);
		out.setLineWidth(0.5f);
		pageNumber++;
		y = TOP;
	}

	private void finishPage() throws IOException {
		if (pageNumber > 1) {
			String footer = "- " + (pageNumber - 1) + " -";
			text(footer, (PDRectangle.A4.getWidth() - width(footer, 10)) / 2, 36, 10);
		}
		out.close();
	}

	private void centeredLine(String s, float size) throws IOException {
		text(s, (PDRectangle.A4.getWidth() - width(s, size)) / 2, y, size);
		y -= size * 1.4f;
	}

	private void paragraph(String s, float size) throws IOException {
		float widthAvailable = PDRectangle.A4.getWidth() - 2 * LEFT;
		for (String line : wrap(s, widthAvailable, size)) {
			if (y - size * 1.5f < BOTTOM) {
				finishPage();
				newPage();
			}
			y -= size * 1.5f;
			text(line, LEFT, y, size);
		}
		y -= size * 0.6f;
	}

	private void table(Table t) throws IOException {
		int n = t.rows().size();
		float[] x = new float[t.widths().length + 1];
		x[0] = LEFT;
		for (int i = 0; i < t.widths().length; i++) {
			x[i + 1] = x[i] + t.widths()[i];
		}
		float[] heights = new float[n];
		for (int r = 0; r < n; r++) {
			int lines = 1;
			for (Cell cell : t.rows().get(r)) {
				if (cell.rowspan() == 1) {
					lines = Math.max(lines, wrap(cell.text(), x[cell.col() + cell.span()] - x[cell.col()] - 2 * PAD, SIZE)
						.size());
				}
			}
			heights[r] = lines * LEADING + 2 * PAD;
		}
		// rows to pages: a row that does not fit starts the next page, as Word breaks a table
		int[] pageOf = new int[n];
		float[] topOf = new float[n];
		List<PDPageContentStream> streams = new ArrayList<>();
		List<Integer> pages = new ArrayList<>();
		streams.add(out);
		pages.add(pageNumber);
		y -= 4;
		for (int r = 0; r < n; r++) {
			if (y - heights[r] < BOTTOM) {
				PDPageContentStream keep = out;
				footerOnly();
				newPage();
				streams.set(streams.size() - 1, keep);
				streams.add(out);
				pages.add(pageNumber);
			}
			pageOf[r] = streams.size() - 1;
			topOf[r] = y;
			y -= heights[r];
		}
		for (int r = 0; r < n; r++) {
			for (Cell cell : t.rows().get(r)) {
				int last = Math.min(n - 1, r + cell.rowspan() - 1);
				float left = x[cell.col()];
				float right = x[cell.col() + cell.span()];
				boolean textDrawn = false;
				int from = r;
				while (from <= last) {
					int to = from;
					while (to + 1 <= last && pageOf[to + 1] == pageOf[from]) {
						to++;
					}
					float top = topOf[from];
					float bottom = topOf[to] - heights[to];
					PDPageContentStream s = streams.get(pageOf[from]);
					if (ruled) {
						s.addRect(left, bottom, right - left, top - bottom);
						s.stroke();
					}
					if (!textDrawn) {
						cellText(s, cell.text(), left, right, top, bottom, cell.rowspan() > 1 || centered);
						textDrawn = true;
					}
					from = to + 1;
				}
			}
		}
		for (int i = 0; i < streams.size() - 1; i++) {
			streams.get(i).close();
		}
		y -= 6;
	}

	/** Closes the page but its stream, written to later (cells of rows on it), is closed by the table. */
	private void footerOnly() throws IOException {
		String footer = "- " + (pageNumber - 1) + " -";
		text(footer, (PDRectangle.A4.getWidth() - width(footer, 10)) / 2, 36, 10);
	}

	private void cellText(PDPageContentStream s, String text, float left, float right, float top, float bottom,
			boolean middle) throws IOException {
		List<String> lines = wrap(text, right - left - 2 * PAD, SIZE);
		float block = lines.size() * LEADING;
		float start = middle ? top - (top - bottom - block) / 2 : top - PAD;
		boolean number = text.matches("[+\\-]?[0-9.]+");
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			float baseline = start - (i + 1) * LEADING + 2.5f;
			float w = width(line, SIZE);
			float tx = number || lines.size() == 1 && w < right - left - 2 * PAD && right - left < 60
					? left + (right - left - w) / 2 : left + PAD;
			text(s, line, tx, baseline, SIZE);
		}
	}

	private void text(String s, float tx, float ty, float size) throws IOException {
		text(out, s, tx, ty, size);
	}

	private void text(PDPageContentStream s, String text, float tx, float ty, float size) throws IOException {
		float x = tx;
		for (String run : runs(text)) {
			PDFont f = fontOf(run);
			s.beginText();
			s.setFont(f, size);
			s.newLineAtOffset(x, ty);
			s.showText(run);
			s.endText();
			x += f.getStringWidth(run) / 1000 * size;
		}
	}

	/** The CJK font has no Latin glyphs: ASCII (and what it lacks) is set in Helvetica. */
	private PDFont fontOf(String run) throws IOException {
		return own(run.charAt(0)) ? font : LATIN;
	}

	private boolean own(char ch) {
		if (ch < 128) {
			return false;
		}
		try {
			font.encode(String.valueOf(ch));
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

	private List<String> runs(String text) throws IOException {
		List<String> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		Boolean cjk = null;
		for (int i = 0; i < text.length(); i++) {
			boolean own = own(text.charAt(i));
			if (cjk != null && own != cjk) {
				runs.add(run.toString());
				run.setLength(0);
			}
			cjk = own;
			run.append(text.charAt(i));
		}
		if (run.length() > 0) {
			runs.add(run.toString());
		}
		return runs;
	}

	private float width(String s, float size) throws IOException {
		float w = 0;
		for (String run : runs(s)) {
			w += fontOf(run).getStringWidth(run) / 1000 * size;
		}
		return w;
	}

	/** Greedy wrapping by characters, a run of ASCII letters and digits kept whole. */
	private List<String> wrap(String s, float max, float size) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			int j = i + 1;
			while (j < s.length() && isAsciiWord(s.charAt(i)) && isAsciiWord(s.charAt(j))) {
				j++;
			}
			String piece = s.substring(i, j);
			if (line.length() > 0 && width(line + piece, size) > max) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(piece);
			i = j;
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static boolean isAsciiWord(char ch) {
		return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '.' || ch == '+' || ch == '-');
	}

	// PDFs that are not reports with a text layer

	/** A scanned page: an image and no text at all. */
	private static void scan(Path file) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 80,
					java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
			for (int yy = 10; yy < 70; yy += 6) {
				for (int xx = 8; xx < 52; xx++) {
					image.setRGB(xx, yy, 0);
				}
			}
			PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				s.drawImage(xobject, 50, 100, 495, 660);
			}
			doc.save(file.toFile());
		}
	}

	/** A small file with very many empty pages. */
	private static void manyPages(Path file, int pages) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				doc.addPage(new PDPage(PDRectangle.A4));
			}
			doc.save(file.toFile());
		}
	}

	/** A page whose content stream nests arrays {@code depth} deep: written by hand, byte by byte. */
	private static void deepNesting(Path file, int depth) throws IOException {
		String content = "[".repeat(depth) + "]".repeat(depth) + " TJ";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
				"<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		try (OutputStream o = Files.newOutputStream(file)) {
			o.write(pdf.toString().getBytes(StandardCharsets.ISO_8859_1));
		}
	}

}
