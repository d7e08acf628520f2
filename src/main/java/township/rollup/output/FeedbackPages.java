package township.rollup.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.UnitStatus;
import township.rollup.bytes.Sha256;
import township.rollup.i18n.Messages;
import township.rollup.output.html.FindingLines;
import township.rollup.output.html.Html;
import township.rollup.output.html.Tokens;
import township.rollup.output.html.Views;
import township.rollup.registry.Unit;
import township.rollup.reportformat.OfficialLayout;
import township.rollup.reportformat.ReportFormat;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingCodec;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.Severity;
import township.rollup.store.UnitRecordStore;
import township.rollup.submission.TextLimits;

/**
 * The feedback pages, {@code feedback/<code>_<name>.html}: one per unit that sent a file, rendered while
 * the units are read, compared with the page on disk and written, a bounded number in flight. A page whose
 * content has not changed is left as it is (its source digest is in its head), so a nightly run rewrites
 * only what changed. When there is no folder of pages yet (the year's first run, every page new), the pages
 * are written into a folder of their own that takes the folder's name once all are durable
 * ({@link #STAGING_DIR}), so no page needs a temporary name of its own.
 */
final class FeedbackPages implements AutoCloseable {

	/**
	 * Feedback pages in flight at most (their units' records held); at the bound the reading thread waits
	 * for the oldest only, so the page threads always have the next pages to render (waiting for a whole
	 * batch emptied the queue at every batch: the page threads then waited for the reading thread).
	 */
	private static final int PAGES_IN_FLIGHT = 256;

	/**
	 * Where a fresh folder of pages is written before it takes its name ({@link #flush}): beside it, hidden,
	 * so that a reader sees either no pages or all of them, and one left by a run that was killed is never
	 * taken for pages (the next run removes it and writes its pages again).
	 */
	static final String STAGING_DIR = ".feedback.staging";

	private final PageSettings settings;

	private final Messages m;

	private final Path feedback;

	private final Html html = new Html();

	/** Each format's official tables, expanded once for all the pages of the run (a format is one object). */
	private final Map<ReportFormat, Views.OfficialTables> officialTables = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Rendering a page is most of a page's cost, and each is independent of the others: it runs on every
	 * core while the caller reads the next units from the database.
	 */
	private final ExecutorService renderers = Executors.newFixedThreadPool(
			Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
				Thread t = new Thread(r, "feedback-pages");
				t.setDaemon(true);
				return t;
			});

	/** Pages being rendered and written, in the order of the board: a page's name and whether it was written. */
	private final java.util.ArrayDeque<Map.Entry<Path, Future<Boolean>>> pages = new java.util.ArrayDeque<>();

	private final Path staging;

	/** Whether this pass writes a fresh folder of pages into {@link #staging} (decided with {@link #listed}). */
	private boolean fresh;

	private boolean folderMade;

	/** The names in the folder before the pass wrote any (see {@link #listed}); null until the first page. */
	private Set<String> listed;

	private final Set<String> names = new HashSet<>();

	private final List<Path> written = new ArrayList<>();

	private int unchanged;

	private volatile String renderingDigest;

	/** Where the pass's time goes (logged by the caller): rendering and writing summed over the page threads. */
	private final java.util.concurrent.atomic.LongAdder renderNanos = new java.util.concurrent.atomic.LongAdder();

	private final java.util.concurrent.atomic.LongAdder writeNanos = new java.util.concurrent.atomic.LongAdder();

	/** The reading thread's waits for its batches of pages, and the final sync. */
	private long waitNanos;

	private long syncNanos;

	FeedbackPages(PageSettings settings, Path dir) {
		this.settings = settings;
		this.m = settings.m();
		this.feedback = dir.resolve(ReadableReports.FEEDBACK_DIR);
		this.staging = dir.resolve(STAGING_DIR);
	}

	static String pageName(Unit unit) {
		String name = OutputNames.safe(unit.name());
		return unit.code() + (name.isEmpty() ? "" : "_" + name) + ".html";
	}

	/** Renders and writes the page of {@code unit}, unless the page on disk shows the same already. */
	void add(Unit unit, String parentName, UnitRecordStore.UnitRecord record, BoardState state, List<Finding> sorted,
			ReportFormat fileFormat, Map<String, BigDecimal> numbers) {
		String page = pageName(unit);
		names.add(page);
		Path file = OutputNames.within(feedback, page);
		String source = null;
		Set<String> onDisk = listed();
		if (onDisk.contains(page) && Files.isRegularFile(file)) {
			source = sourceKey(parentName, record);
			if (renderedFrom(file, source)) {
				// what the page shows has not changed since it was written: neither rendered nor written again
				unchanged++;
				return;
			}
		}
		else if (!folderMade) {
			makeFolder();
		}
		// a page not on disk (a fresh run: every page) has its digest made with the page, off the reading thread
		String known = source;
		Path target = fresh ? staging.resolve(file.getFileName()) : file;
		pages.add(Map.entry(file, renderers.submit(() -> {
			long start = System.nanoTime();
			byte[] bytes = page(unit, parentName, record, state, sorted, fileFormat, numbers,
					known != null ? known : sourceKey(parentName, record));
			long rendered = System.nanoTime();
			renderNanos.add(rendered - start);
			boolean wrote = write(target, bytes, known != null);
			writeNanos.add(System.nanoTime() - rendered);
			return wrote;
		})));
		if (pages.size() >= PAGES_IN_FLIGHT) {
			long waiting = System.nanoTime();
			collect(pages.poll());
			waitNanos += System.nanoTime() - waiting;
		}
	}

	/**
	 * Writes the pages still being rendered, then makes every page of the run durable at once. The pages
	 * are written unsynced while the units are read ({@link AtomicFiles#writeUnsynced}): each is still
	 * replaced by a rename, so no reader sees half a page, and a page is derived, rendered again from the
	 * database when it is wrong. A power cut before this sync can leave a renamed page without its bytes
	 * (empty, or cut short); the run has then not finished, the next one publishes again, and
	 * {@link #renderedFrom} takes a page for unchanged only when it is whole (its digest in its head, its
	 * closing tag at its end), so such a page is rendered again.
	 */
	void flush(Runnable pagesWritten) {
		long waiting = System.nanoTime();
		while (!pages.isEmpty()) {
			collect(pages.poll());
		}
		waitNanos += System.nanoTime() - waiting;
		pagesWritten.run();
		long start = System.nanoTime();
		if (fresh) {
			// every page durable in the staging folder, then the folder named at once: no reader ever sees
			// some pages of this run and not others
			AtomicFiles.publishFolder(staging, feedback);
		}
		else {
			AtomicFiles.syncAll(feedback, written);
		}
		syncNanos = System.nanoTime() - start;
	}

	/**
	 * Writes a rendered page where it differs from the page on disk, on the renderer's thread (writing is
	 * part of a page's cost, and each page is its own file); whether it was written. A page that was not on
	 * disk when its unit was read (every page of a fresh run) is not looked for again.
	 */
	private boolean write(Path file, byte[] bytes, boolean onDisk) {
		if (onDisk && sameOnDisk(file, bytes)) {
			return false;
		}
		if (fresh) {
			AtomicFiles.writeNew(file, bytes);
		}
		else {
			AtomicFiles.writeUnsynced(file, bytes);
		}
		return true;
	}

	/** Waits for a page being rendered and written (its name where the pass leaves it). */
	private void collect(Map.Entry<Path, Future<Boolean>> page) {
		if (rendered(page.getKey().getFileName().toString(), page.getValue())) {
			written.add(page.getKey());
		}
		else {
			unchanged++;
		}
	}

	/**
	 * The names in the folder when the pass began, listed once: a page not among them is not on disk (only
	 * this pass writes the folder, under the run's lock), and is not looked for. A stat of each of a
	 * nation's pages, most of them absent in a fresh run, was a wait of the reading thread of its own (the
	 * folder's lock, which the page threads' renames take); the set is of the size of {@link #names}.
	 */
	private Set<String> listed() {
		if (listed == null) {
			listed = new HashSet<>();
			// a staging folder left by a run that was killed holds pages that were never published
			AtomicFiles.deleteTree(staging);
			if (Files.isDirectory(feedback)) {
				folderMade = true;
				try (var list = Files.list(feedback)) {
					list.forEach(f -> listed.add(f.getFileName().toString()));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException("cannot list " + feedback, ex);
				}
			}
			else {
				fresh = true;
			}
		}
		return listed;
	}

	private void makeFolder() {
		try {
			Files.createDirectories(fresh ? staging : feedback);
			folderMade = true;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("cannot make " + (fresh ? staging : feedback), ex);
		}
	}

	/** The names of the pages of this run: the others in the folder are stale. */
	Set<String> names() {
		return names;
	}

	List<Path> written() {
		return written;
	}

	int unchanged() {
		return unchanged;
	}

	/**
	 * The parts of the pass, in ms, for the log: the reading thread's waits for pages being rendered and
	 * written, the final sync, and the page threads' rendering and writing (summed over the threads).
	 */
	long[] timingsMillis() {
		return new long[] { waitNanos / 1_000_000, syncNanos / 1_000_000, renderNanos.sum() / 1_000_000,
				writeNanos.sum() / 1_000_000 };
	}

	@Override
	public void close() {
		renderers.shutdownNow();
	}

	/**
	 * A unit's feedback page: its model made with tokens for its texts, so that the page is its layout's
	 * skeleton (rendered by the template engine once per layout) filled with its texts; the same bytes as
	 * {@link #pageRenderedDirectly}, at a fraction of the cost (a nation has 40,000 pages and a few layouts).
	 */
	byte[] page(Unit unit, String parentName, UnitRecordStore.UnitRecord record, BoardState state,
			List<Finding> sorted, ReportFormat fileFormat, Map<String, BigDecimal> numbers, String source) {
		return html.renderFromSkeleton("feedback", m,
				t -> model(t, unit, parentName, record, state, sorted, fileFormat, numbers, source, true));
	}

	/** The page rendered by the template engine from its own texts: what {@link #page} must equal. */
	byte[] pageRenderedDirectly(Unit unit, String parentName, UnitRecordStore.UnitRecord record, BoardState state,
			List<Finding> sorted, ReportFormat fileFormat, Map<String, BigDecimal> numbers, String source) {
		return html.render("feedback", m,
				model(Tokens.NONE, unit, parentName, record, state, sorted, fileFormat, numbers, source, false));
	}

	/**
	 * What the page shows; every text through {@code t}, the rest (which sections, how many rows) is its layout.
	 * The official tables come from their format's layout expanded once ({@code expandedOnce}), or are drawn
	 * whole for this unit, as the page rendered directly draws them.
	 */
	private Map<String, Object> model(Tokens t, Unit unit, String parentName, UnitRecordStore.UnitRecord record,
			BoardState state, List<Finding> sorted, ReportFormat fileFormat, Map<String, BigDecimal> numbers,
			String source, boolean expandedOnce) {
		Map<String, Object> v = new LinkedHashMap<>();
		BoardLine line = record.line();
		v.put("year", t.text(String.valueOf(line.year())));
		v.put("source", t.text(source));
		v.put("unitName", t.text(unit.name()));
		v.put("unitCode", t.text(unit.code()));
		v.put("parentName", t.text(parentName));
		v.put("stateCss", t.text(state.css()));
		v.put("verdict", t.text(state.action(m).isEmpty() ? state.describe(m, line)
				: m.get("feedback.verdict", state.describe(m, line), state.action(m))));
		v.put("accepted", line.status() == UnitStatus.ACCEPTED);
		v.put("fileName", t.text(record.fileName() == null ? "" : TextLimits.name(record.fileName())));
		v.put("sha256", t.text(record.sha256() == null ? "" : record.sha256()));
		v.put("size", t.text(record.sizeBytes() == null ? "" : String.valueOf(record.sizeBytes())));
		v.put("encoding", t.text(record.encoding() == null ? "" : record.encoding()));
		v.put("version", t.text(record.version() == null ? "" : "v" + record.version()));
		v.put("receivedAt", t.text(settings.time(record.receivedAt())));
		v.put("assessedAt", t.text(settings.time(record.assessedAt())));
		v.put("timeZone", t.text(settings.times().note(m)));
		v.put("ruleSet", t.text(PageSettings.shortHash(RuleCatalogue.standard().fingerprint())));
		v.put("counts", t.text(m.get("feedback.counts", line.errorCount(), line.warningCount(), line.openWarningCount())));
		List<Finding> toFix = sorted.stream()
			.filter(f -> f.severity() == Severity.ERROR || f.isOpenWarning())
			.toList();
		List<Finding> other = sorted.stream()
			.filter(f -> !(f.severity() == Severity.ERROR || f.isOpenWarning()))
			.toList();
		v.put("toFix", FindingLines.groups(m, toFix, t));
		v.put("explain", explain(record.fileName(), toFix, t));
		v.put("other", FindingLines.groups(m, other, t));
		List<Views.Table> tables = new ArrayList<>();
		if (fileFormat != null && numbers != null) {
			Set<String> flagged = new HashSet<>();
			sorted.stream()
				.filter(f -> f.severity() != Severity.INFO && f.where() != null && f.where().cellCode() != null)
				.forEach(f -> flagged.add(f.where().cellCode()));
			if (expandedOnce) {
				tables.addAll(officialTables.computeIfAbsent(fileFormat, Views.OfficialTables::of).fill(numbers, flagged, t));
			}
			else {
				for (OfficialLayout.Grid grid : OfficialLayout.grids(fileFormat, numbers)) {
					tables.add(Views.Table.of(grid, "", flagged, t));
				}
			}
			v.put("formatTitle", t.text(m.get("feedback.format", fileFormat.title(), fileFormat.basis())));
		}
		else {
			v.put("formatTitle", "");
		}
		v.put("tables", tables);
		return v;
	}

	/**
	 * The advice on explaining the open warnings of {@code toFix}, in the way of the file sent: a workbook's
	 * explanations go in its 补充信息 sheet (named as the template, always Chinese, names it), a CSV file's in
	 * {@code NOTE,<rule id>,<text>} lines, offered ready to copy; null when no warning is open.
	 */
	private Views.Explain explain(String fileName, List<Finding> toFix, Tokens t) {
		List<String> rules = toFix.stream().filter(Finding::isOpenWarning).map(Finding::ruleId).distinct().toList();
		if (rules.isEmpty()) {
			return null;
		}
		if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
			Messages template = Messages.of(township.rollup.i18n.Language.ZH);
			return new Views.Explain(t.text(m.get("feedback.explain.xlsx", template.get("template.xlsx.sheet.extra"),
					template.get("template.xlsx.note.rule"), template.get("template.xlsx.note.text"))),
					rules.stream().map(t::text).toList(), "");
		}
		StringBuilder copy = new StringBuilder();
		rules.forEach(rule -> copy.append(copy.isEmpty() ? "" : "\n").append("NOTE,").append(rule).append(','));
		return new Views.Explain(t.text(m.get("feedback.explain.csv")), rules.stream().map(t::text).toList(),
				t.text(copy.toString()));
	}

	/**
	 * What a feedback page is made of, as a digest written into the page: the unit's line, file and
	 * findings, its parent's name, and the templates, texts, rules, language and time zone that render them.
	 * Equal digests make equal pages, so a nightly run renders only the pages of units that changed.
	 */
	String sourceKey(String parent, UnitRecordStore.UnitRecord r) {
		return sourceKey(renderingDigest(), parent, r);
	}

	/** {@link #sourceKey(String, UnitRecordStore.UnitRecord)} with the templates' and texts' digest given. */
	static String sourceKey(String rendering, String parent, UnitRecordStore.UnitRecord r) {
		StringBuilder head = new StringBuilder(512).append(rendering).append('\n').append(parent).append('\n')
			.append(r.line()).append('\n').append(r.receivedFileId()).append(',').append(r.version()).append(',')
			.append(r.fileName()).append(',').append(r.sha256()).append(',').append(r.sizeBytes()).append(',')
			.append(r.encoding()).append(',').append(r.receivedAt()).append(',').append(r.assessedAt()).append(',')
			.append(r.formatId()).append('\n');
		// the digest of the text above, the numbers and the findings one after the other, fed in parts: copying
		// them into one text first (twice its size once a name made it UTF-16) was most of what a page's
		// source allocated; each part ends next to a line break, so no character spans two and the UTF-8
		// bytes, and the digest, are those of the joined text
		return Sha256.start()
			.add(head.toString())
			.add(String.valueOf(r.numbers()))
			.add("\n")
			.add(FindingCodec.encode(r.findings()))
			.hex();
	}

	private String renderingDigest() {
		String known = renderingDigest;
		if (known != null) {
			return known;
		}
		Sha256 digest = Sha256.start();
		for (String resource : List.of("templates/feedback.html", "templates/fragments.html",
				"i18n/messages_zh.properties", "i18n/messages_en.properties")) {
			try (var in = FeedbackPages.class.getClassLoader().getResourceAsStream(resource)) {
				digest.add(in.readAllBytes());
			}
			catch (IOException | NullPointerException ex) {
				throw new IllegalStateException("cannot read " + resource, ex);
			}
		}
		digest.add(RuleCatalogue.standard().fingerprint() + "/" + m.language() + "/" + settings.times().zone() + "/"
				+ settings.feedbackPages());
		known = digest.hex();
		renderingDigest = known;
		return known;
	}

	/** How every page ends: a page on disk that does not end so was cut short (see {@link #flush}). */
	private static final byte[] PAGE_END = "</html>\n".getBytes(StandardCharsets.UTF_8);

	/**
	 * Whether a page on disk was rendered from {@code source} (its digest is in the page's head) and is
	 * whole (it ends as a page ends).
	 */
	static boolean renderedFrom(Path page, String source) {
		if (!Files.isRegularFile(page)) {
			return false;
		}
		byte[] head = new byte[1024];
		try (FileChannel in = FileChannel.open(page, StandardOpenOption.READ)) {
			int n = Math.max(0, in.read(ByteBuffer.wrap(head)));
			if (!new String(head, 0, n, StandardCharsets.UTF_8).contains("content=\"" + source + "\"")) {
				return false;
			}
			long size = in.size();
			ByteBuffer end = ByteBuffer.allocate(PAGE_END.length);
			if (size < PAGE_END.length) {
				return false;
			}
			while (end.hasRemaining() && in.read(end, size - PAGE_END.length + end.position()) > 0) {
				// reads the last bytes of the page
			}
			return !end.hasRemaining() && java.util.Arrays.equals(end.array(), PAGE_END);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean sameOnDisk(Path file, byte[] bytes) {
		try {
			return Files.isRegularFile(file) && Files.size(file) == bytes.length
					&& java.util.Arrays.equals(Files.readAllBytes(file), bytes);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean rendered(String name, Future<Boolean> rendering) {
		try {
			return rendering.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while rendering " + name, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("cannot render " + name, ex.getCause());
		}
	}

}
