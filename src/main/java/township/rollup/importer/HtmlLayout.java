package township.rollup.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;

/**
 * Reads a saved web page with a real HTML parser. Text outside tables becomes one line per block
 * (paragraph, heading, list item, line break). Each table becomes one {@link Layout#GRID} line per row,
 * with {@code rowspan} and {@code colspan} expanded into a grid first, so that a cell keeps its column
 * whatever was merged around it; {@code &nbsp;} arrives as U+00A0 and is a blank. Line numbers are
 * those of the HTML file, where the text of each cell can be found.
 */
final class HtmlLayout {

	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
			"section", "article", "header", "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "form", "body",
			"caption");

	/** A merged cell wider or taller than this is a broken page, not a report table. */
	private static final int MAX_SPAN = 100;

	private HtmlLayout() {
	}

	/** The lines of the page, and whether the page is whole (a page cut off has lost {@code </html>}). */
	static TextLayout.Text read(String html) {
		Parser parser = Parser.htmlParser().setTrackPosition(true);
		Document document = Jsoup.parse(html, "", parser);
		Reader reader = new Reader();
		reader.walk(document.body());
		reader.flush();
		boolean complete = html.toLowerCase(Locale.ROOT).contains("</html>");
		return new TextLayout.Text(reader.lines, complete);
	}

	private static final class Reader {

		private final List<SourceLine> lines = new ArrayList<>();

		private final StringBuilder paragraph = new StringBuilder();

		private int paragraphLine;

		void walk(Node node) {
			if (node instanceof TextNode text) {
				String s = text.getWholeText();
				if (!s.isBlank()) {
					if (paragraph.length() == 0) {
						paragraphLine = line(text);
					}
					paragraph.append(s);
				}
				return;
			}
			if (!(node instanceof Element element)) {
				return;
			}
			String tag = element.normalName();
			if (tag.equals("script") || tag.equals("style") || tag.equals("head") || tag.equals("noscript")) {
				return;
			}
			if (tag.equals("table")) {
				flush();
				table(element);
				return;
			}
			if (tag.equals("br")) {
				flush();
				return;
			}
			boolean block = BLOCKS.contains(tag);
			if (block) {
				flush();
			}
			for (Node child : element.childNodes()) {
				walk(child);
			}
			if (block) {
				flush();
			}
		}

		void flush() {
			if (paragraph.length() > 0) {
				String text = paragraph.toString().replace('\u00A0', ' ').strip();
				if (!text.isEmpty()) {
					lines.add(new SourceLine(paragraphLine, Layout.CELL, List.of(new Field(text, paragraphLine)), text));
				}
				paragraph.setLength(0);
			}
		}

		/** One line per row of the expanded grid; a row's cells that came down from above are marked carried. */
		private void table(Element table) {
			List<Element> rows = new ArrayList<>();
			for (Element tr : table.select("tr")) {
				if (tr.closest("table") == table) {
					rows.add(tr);
				}
			}
			// grid[r] maps a column to the cell covering it, and the row that cell starts in
			List<Map<Integer, Element>> grid = new ArrayList<>();
			List<Map<Integer, Integer>> origin = new ArrayList<>();
			for (int r = 0; r < rows.size(); r++) {
				grow(grid, origin, r);
				int column = 0;
				for (Element cell : rows.get(r).children()) {
					if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
						continue;
					}
					while (grid.get(r).containsKey(column)) {
						column++;
					}
					int colspan = span(cell.attr("colspan"));
					int rowspan = span(cell.attr("rowspan"));
					for (int dr = 0; dr < rowspan && r + dr < rows.size(); dr++) {
						grow(grid, origin, r + dr);
						for (int dc = 0; dc < colspan; dc++) {
							grid.get(r + dr).putIfAbsent(column + dc, cell);
							origin.get(r + dr).putIfAbsent(column + dc, r);
						}
					}
					column += colspan;
				}
			}
			for (int r = 0; r < rows.size(); r++) {
				Map<Integer, Element> cells = grid.get(r);
				int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
				List<Field> fields = new ArrayList<>();
				Element previous = null;
				StringBuilder text = new StringBuilder();
				for (int c = 0; c < width; c++) {
					Element cell = cells.get(c);
					if (cell == null || cell == previous) {
						previous = cell;
						continue; // a colspan covers several columns of one cell: one field
					}
					previous = cell;
					// a <br> inside a cell (本年新<br>制作数量) is a line of the rendering, not of the text
					String content = cell.wholeText().replace('\u00A0', ' ').replaceAll("\\s+", " ");
					fields.add(new Field(content, cellLine(cell), origin.get(r).get(c) != r));
					text.append(text.length() == 0 ? "" : "\t").append(content.strip());
				}
				lines.add(new SourceLine(line(rows.get(r)), Layout.GRID, fields, text.toString()));
			}
		}

		private static void grow(List<Map<Integer, Element>> grid, List<Map<Integer, Integer>> origin, int row) {
			while (grid.size() <= row) {
				grid.add(new HashMap<>());
				origin.add(new HashMap<>());
			}
		}

		private static int span(String value) {
			try {
				int n = Integer.parseInt(value.strip());
				return Math.max(1, Math.min(MAX_SPAN, n));
			}
			catch (NumberFormatException ex) {
				return 1;
			}
		}

		/** The line of the cell's first piece of text, where a reader of the file finds it. */
		private static int cellLine(Element cell) {
			for (TextNode text : cell.textNodes()) {
				if (!text.getWholeText().replace('\u00A0', ' ').isBlank()) {
					return line(text);
				}
			}
			for (Element child : cell.getAllElements()) {
				for (TextNode text : child.textNodes()) {
					if (!text.getWholeText().replace('\u00A0', ' ').isBlank()) {
						return line(text);
					}
				}
			}
			return line(cell);
		}

		private static int line(Node node) {
			int line = node.sourceRange().start().lineNumber();
			return Math.max(line, 1);
		}

	}

}
