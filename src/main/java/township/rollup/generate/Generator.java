package township.rollup.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.RowDef;
import township.rollup.output.Csv;
import township.rollup.output.SubmissionCsvWriter;

/**
 * Realistic data for tests and the benchmark: a registry tree shaped like China's (about 14 townships
 * and departments to a county, 8 counties to a prefecture, 11 prefectures to a province) and a
 * submission for every unit that reports, satisfying every identity unless deliberately broken, with the
 * expected totals of every level and the expected verdict of every file, added up here as the files are
 * made, so that a run can be checked against numbers the product did not compute.
 */
public final class Generator {

	/** The 总体情况 figure a rule compares with the tables; generated files do not state it. */
	private static final String APPLICATIONS_RECEIVED = "NARR.applications_received";

	/**
	 * What to make. {@code labelsOff}: every file writes the row codes where the official labels go (one
	 * ROW-LABEL a row), and every accepted file breaks warning rules too (the share's warning, and a
	 * township's 规章 row filled in, T2-TOWN-REG): a template problem on every file.
	 */
	public record Spec(int units, long seed, double errors, double warnings, double countyFiles, boolean overlap,
			String formatId, List<String> encodings, int year, boolean labelsOff) {

		public Spec(int units, long seed, double errors, double warnings, double countyFiles, boolean overlap,
				String formatId, List<String> encodings, int year) {
			this(units, seed, errors, warnings, countyFiles, overlap, formatId, encodings, year, false);
		}

	}

	/** What was made: how many units of each level, files, and the expected outcome. */
	public record Made(int leaves, int counties, int prefectures, int provinces, int files, int rejected, int warned,
			int countyFiles, String rootCode, long findings) {
	}

	private static final String SYLLABLES = "安平城河山东西南北新兴和宁丰清阳江湖泉林石桥沙田水龙凤华明德仁义礼信"
			+ "永昌盛隆福寿康乐嘉荣庆祥瑞光远长青白金玉云峰岭溪源塘湾港洲岗坪峪";

	private static final Charset GB18030 = Charset.forName("GB18030");

	private final Spec spec;

	private final ReportFormat format;

	private final Random random;

	private final List<List<String>> registry = rows("code", "name", "kind", "parent", "code_source");

	/** Expected totals of every level: unit code → cell code → sum. */
	private final Map<String, Map<String, BigDecimal>> totals = new TreeMap<>();

	private final List<List<String>> verdicts = rows("unit_code", "file", "verdict", "warning");

	/**
	 * The warnings and label findings put in each file, counted as they are made: unit, file, rule, how
	 * many. A rejected file's errors are not counted here (verdicts.csv has its verdict).
	 */
	private final List<List<String>> findings = rows("unit_code", "file", "rule", "count");

	private long findingsMade;

	private final Path out;

	private int files;

	private int rejected;

	private int warned;

	private int countyFiles;

	public Generator(Spec spec, ReportFormat format, Path out) {
		this.spec = spec;
		this.format = format;
		this.random = new Random(spec.seed());
		this.out = out;
	}

	/** A unit as made: its code, name, kind and the units below it. */
	private record Node(String code, String name, String kind, List<Node> children) {
	}

	public Made generate() {
		int leaves = Math.max(1, spec.units());
		int counties = Math.max(1, (int) Math.ceil(leaves / 14.0));
		int prefectures = counties == 1 ? 0 : (int) Math.ceil(counties / 8.0);
		int provinces = prefectures <= 1 ? 0 : (int) Math.ceil(prefectures / 11.0);
		// the tree, top down; the root is the highest level that has one unit
		List<Node> countyNodes = new ArrayList<>();
		List<Node> prefectureNodes = new ArrayList<>();
		List<Node> provinceNodes = new ArrayList<>();
		int provinceCount = Math.max(1, provinces);
		for (int p = 0; p < provinceCount; p++) {
			provinceNodes.add(new Node(String.format("%02d", 11 + p) + "0000000000", name(2) + "省", "省", new ArrayList<>()));
		}
		int prefectureCount = Math.max(1, prefectures);
		for (int c = 0; c < prefectureCount; c++) {
			Node province = provinceNodes.get(c % provinceCount);
			int index = province.children().size() + 1;
			Node prefecture = new Node(province.code().substring(0, 2) + String.format("%02d", index) + "00000000",
					name(2) + "市", "地级市", new ArrayList<>());
			province.children().add(prefecture);
			prefectureNodes.add(prefecture);
		}
		for (int d = 0; d < counties; d++) {
			Node prefecture = prefectureNodes.get(d % prefectureCount);
			int index = prefecture.children().size() + 1;
			String kind = random.nextInt(3) == 0 ? "县级市" : "县";
			Node county = new Node(prefecture.code().substring(0, 4) + String.format("%02d", index) + "000000",
					name(2) + (kind.equals("县") ? "县" : "市"), kind, new ArrayList<>());
			prefecture.children().add(county);
			countyNodes.add(county);
		}
		for (int t = 0; t < leaves; t++) {
			Node county = countyNodes.get(t % counties);
			int index = county.children().size() + 1;
			boolean department = random.nextInt(10) == 0;
			String kind = department ? "部门" : switch (random.nextInt(4)) {
				case 0 -> "街道";
				case 1 -> "乡";
				default -> "镇";
			};
			String suffix = switch (kind) {
				case "部门" -> "局";
				case "街道" -> "街道";
				default -> kind;
			};
			String code = county.code().substring(0, 6) + (department ? "9" : "1") + String.format("%02d", index)
					+ "000";
			county.children().add(new Node(code, name(2) + suffix, kind, List.of()));
		}
		Node root;
		if (provinces > 1) {
			root = new Node("100000000000", "全国", "国家", provinceNodes);
		}
		else if (prefectures > 1) {
			root = provinceNodes.get(0);
		}
		else if (counties > 1) {
			root = prefectureNodes.get(0);
		}
		else {
			root = countyNodes.get(0);
		}
		try {
			Files.createDirectories(out.resolve(String.valueOf(spec.year())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(root, "");
		try {
			// every CSV through the one writer (Csv): UTF-8 with a BOM, quoted where needed, formula-guarded
			Files.write(out.resolve("townships.csv"), Csv.write(registry));
			Path expected = Files.createDirectories(out.resolve("expected"));
			try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(expected.resolve("totals.csv")));
					Csv.Lines sums = new Csv.Lines(stream)) {
				sums.write(List.of("unit_code", "cell_code", "value"));
				totals.forEach((unit, cells) -> cells
					.forEach((cell, value) -> sums.write(List.of(unit, cell, value.toPlainString()))));
			}
			Files.write(expected.resolve("verdicts.csv"), Csv.write(verdicts));
			Files.write(expected.resolve("findings.csv"), Csv.write(findings));
			if (!format.id().equals(spec.year() <= 2020 ? "2019" : "2021")) {
				Path settings = Files.createDirectories(out.resolve("settings"));
				Files.write(settings.resolve(spec.year() + ".csv"), Csv.write(List.of(List.of("key", "value", "reason"),
						List.of("format", format.id(), "generated"))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Made(leaves, counties, prefectures, provinces, files, rejected, warned, countyFiles, root.code(),
				findingsMade);
	}

	/**
	 * Writes a unit's line and everything below it, and returns what it contributes to the level above
	 * (null when nothing of it is accepted).
	 */
	private Map<String, BigDecimal> write(Node node, String parent) {
		registry.add(List.of(node.code(), node.name(), node.kind(), parent, "generated"));
		if (node.children().isEmpty()) {
			return leaf(node);
		}
		boolean ownFile = !parent.isEmpty() && node.kind().startsWith("县") && random.nextDouble() < spec.countyFiles();
		Map<String, BigDecimal> sum = new LinkedHashMap<>();
		for (Node child : node.children()) {
			Map<String, BigDecimal> part;
			if (!ownFile) {
				part = write(child, node.code());
			}
			else {
				registry.add(List.of(child.code(), child.name(), child.kind(), node.code(), "generated"));
				part = numbers(child);
				if (spec.overlap()) {
					// the units send their files too: assessed, never summed above the county as well
					leaf(child, part);
				}
				else {
					verdicts.add(List.of(child.code(), "", "MISSING", ""));
				}
			}
			if (part != null) {
				part.forEach((cell, value) -> sum.merge(cell, value, BigDecimal::add));
			}
		}
		if (ownFile) {
			// the county sends its own consolidated file in place of its units' files
			countyFiles++;
			submission(node, sum, false);
			verdicts.add(List.of(node.code(), fileName(node), "ACCEPTED", ""));
		}
		if (sum.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> total = new TreeMap<>();
		for (CellDef cell : format.cells()) {
			total.put(cell.code(), sum.getOrDefault(cell.code(), BigDecimal.ZERO));
		}
		sum.forEach((cell, value) -> {
			if (cell.startsWith("NARR.")) {
				total.put(cell, value);
			}
		});
		totals.put(node.code(), total);
		return sum;
	}

	/** A reporting unit's file; its numbers when it will be accepted. */
	private Map<String, BigDecimal> leaf(Node node) {
		return leaf(node, numbers(node));
	}

	private Map<String, BigDecimal> leaf(Node node, Map<String, BigDecimal> generated) {
		Map<String, BigDecimal> numbers = new LinkedHashMap<>(generated);
		boolean broken = random.nextDouble() < spec.errors();
		boolean warning = !broken && (random.nextDouble() < spec.warnings() || spec.labelsOff());
		if (warning) {
			warn(numbers);
			warned++;
			expect(node, warningRule(), 1);
		}
		if (!broken && spec.labelsOff() && TOWN_KINDS.contains(node.kind())) {
			// 规章 filled in by a township: T2-TOWN-REG on each cell of the row that is not 0
			long filled = 0;
			for (ColumnDef column : format.row("T2.i1.reg").orElseThrow().columns()) {
				String cell = "T2.i1.reg." + column.code();
				if (!column.code().equals("repealed")) {
					numbers.put(cell, BigDecimal.ONE);
				}
				filled += numbers.get(cell).signum() != 0 ? 1 : 0;
			}
			expect(node, "T2-TOWN-REG", filled);
		}
		submission(node, numbers, broken);
		verdicts.add(List.of(node.code(), fileName(node), broken ? "REJECTED" : "ACCEPTED", warning ? warningRule() : ""));
		if (broken) {
			rejected++;
			return null;
		}
		return numbers;
	}

	private static final List<String> TOWN_KINDS = List.of("乡", "镇", "街道");

	private void expect(Node node, String rule, long count) {
		if (count > 0) {
			findings.add(List.of(node.code(), fileName(node), rule, String.valueOf(count)));
			findingsMade += count;
		}
	}

	private String warningRule() {
		return format.id().equals("2019") ? "T2-PUB-LE-TOTAL" : "T2-INFORCE";
	}

	/** A soft rule broken on purpose: more published this year than in stock, or fewer in force than issued. */
	private void warn(Map<String, BigDecimal> n) {
		if (format.id().equals("2019")) {
			n.put("T2.i1.norm.new_pub", n.get("T2.i1.norm.total_pub").add(BigDecimal.ONE));
		}
		else {
			n.put("T2.i1.norm.in_force", BigDecimal.ZERO);
			n.put("T2.i1.norm.issued", BigDecimal.ONE);
			n.put("T2.i1.norm.repealed", BigDecimal.ZERO);
		}
	}

	private void submission(Node node, Map<String, BigDecimal> numbers, boolean broken) {
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		Map<String, BigDecimal> narrative = new LinkedHashMap<>();
		numbers.forEach((code, value) -> (code.startsWith("NARR.") ? narrative : cells).put(code, value));
		if (broken) {
			// T3-ROW: one more new application than the outcomes account for
			cells.put("T3.r1.np", cells.get("T3.r1.np").add(BigDecimal.ONE));
		}
		SubmissionCsvWriter.Header header = new SubmissionCsvWriter.Header(node.name(), node.code(), spec.year());
		byte[] bom;
		if (spec.labelsOff()) {
			// the row codes where the labels go: ROW-LABEL on every row written
			long[] rows = { 0 };
			bom = SubmissionCsvWriter.report(format, header, cells, narrative, row -> {
				rows[0]++;
				return row.code();
			});
			if (!broken) {
				expect(node, "ROW-LABEL", rows[0]);
			}
		}
		else {
			bom = SubmissionCsvWriter.report(format, header, cells, narrative);
		}
		String encoding = spec.encodings().get(random.nextInt(spec.encodings().size()));
		byte[] bytes = switch (encoding) {
			case "bom" -> bom;
			case "gbk" -> new String(bom, 3, bom.length - 3, StandardCharsets.UTF_8).getBytes(GB18030);
			default -> java.util.Arrays.copyOfRange(bom, 3, bom.length);
		};
		try {
			Files.write(out.resolve(String.valueOf(spec.year())).resolve(fileName(node)), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files++;
	}

	private String fileName(Node node) {
		return node.code() + "_" + node.name() + "_" + spec.year() + ".csv";
	}

	/** One unit's numbers, keeping every identity and plausibility rule of the format. */
	private Map<String, BigDecimal> numbers(Node node) {
		Map<String, BigDecimal> n = new LinkedHashMap<>();
		boolean town = node.kind().equals("乡") || node.kind().equals("镇") || node.kind().equals("街道");
		for (RowDef row : format.rowsOf("T2")) {
			for (ColumnDef column : row.columns()) {
				n.put(row.cellCode(column), BigDecimal.valueOf(small(6)));
			}
		}
		if (format.id().equals("2019")) {
			for (String r : List.of("reg", "norm")) {
				long total = small(30);
				n.put("T2.i1." + r + ".total_pub", BigDecimal.valueOf(total));
				n.put("T2.i1." + r + ".new_pub", BigDecimal.valueOf(total == 0 ? 0 : random.nextInt((int) total + 1)));
				n.put("T2.i1." + r + ".new_made", BigDecimal.valueOf(small(10)));
			}
			for (String r : List.of("T2.i5.lic", "T2.i5.other", "T2.i6.pun", "T2.i6.coe", "T2.i8.fee")) {
				n.put(r + ".prev_items", BigDecimal.valueOf(small(20)));
				n.put(r + ".delta", BigDecimal.valueOf(random.nextInt(9) - 3));
				if (!r.equals("T2.i8.fee")) {
					long decisions = small(60);
					long coincide = n.get(r + ".prev_items").add(n.get(r + ".delta")).longValueExact();
					n.put(r + ".decisions", BigDecimal.valueOf(decisions == coincide ? decisions + 1 : decisions));
				}
			}
			n.put("T2.i9.proc.amount", BigDecimal.valueOf(random.nextInt(1_000_000), 4));
		}
		else {
			for (String r : List.of("reg", "norm")) {
				long issued = small(8);
				long repealed = small(3);
				n.put("T2.i1." + r + ".issued", BigDecimal.valueOf(issued));
				n.put("T2.i1." + r + ".repealed", BigDecimal.valueOf(repealed));
				n.put("T2.i1." + r + ".in_force", BigDecimal.valueOf(issued + small(40)));
			}
			n.put("T2.i8.fee.amount", BigDecimal.valueOf(random.nextInt(100_000), 3));
		}
		if (town) {
			for (ColumnDef column : format.row("T2.i1.reg").orElseThrow().columns()) {
				n.put("T2.i1.reg." + column.code(), BigDecimal.ZERO);
			}
		}
		List<RowDef> outcomes = format.rowsOf("T3")
			.stream()
			.filter(r -> r.code().startsWith("T3.r3_") && !r.code().equals("T3.r3_7"))
			.toList();
		long[] tot = new long[10];
		List<ColumnDef> t3 = format.row("T3.r1").orElseThrow().columns();
		for (int c = 0; c < t3.size() - 1; c++) {
			String col = t3.get(c).code();
			long sum = 0;
			for (RowDef row : outcomes) {
				long v = random.nextInt(8) == 0 ? small(5) : 0;
				n.put(row.code() + "." + col, BigDecimal.valueOf(v));
				sum += v;
			}
			long r2 = random.nextInt(4) == 0 ? small(3) : 0;
			long r4 = random.nextInt(4) == 0 ? small(3) : 0;
			long r1 = sum + r4 - r2;
			if (r1 < 0) {
				r2 += r1;
				r1 = 0;
			}
			n.put("T3.r3_7." + col, BigDecimal.valueOf(sum));
			n.put("T3.r1." + col, BigDecimal.valueOf(r1));
			n.put("T3.r2." + col, BigDecimal.valueOf(r2));
			n.put("T3.r4." + col, BigDecimal.valueOf(r4));
		}
		for (RowDef row : format.rowsOf("T3")) {
			long sum = 0;
			for (int c = 0; c < t3.size() - 1; c++) {
				sum += n.get(row.code() + "." + t3.get(c).code()).longValueExact();
			}
			n.put(row.code() + ".tot", BigDecimal.valueOf(sum));
		}
		long t3Total = n.get("T3.r1.tot").longValueExact() + n.get("T3.r2.tot").longValueExact();
		long budget = t3Total;
		for (String group : List.of("rev", "lit_direct", "lit_after")) {
			long sum = 0;
			for (String part : List.of("kept", "corr", "other", "pending")) {
				long v = 0;
				if (!group.equals("lit_after") && budget > 0 && random.nextInt(6) == 0) {
					v = 1;
					budget--;
				}
				else if (group.equals("lit_after") && random.nextInt(10) == 0) {
					v = 1;
				}
				n.put("T4." + group + "." + part, BigDecimal.valueOf(v));
				sum += v;
			}
			n.put("T4." + group + ".tot", BigDecimal.valueOf(sum));
		}
		for (var metric : format.narrativeMetrics()) {
			if (metric.code().equals(APPLICATIONS_RECEIVED)) {
				// a rule compares it with 表三 (NARR-RECEIVED): a random figure would be a warning nobody put
				// in, and one that follows T3.r1.tot would have to follow every defect put in after this too
				continue;
			}
			if (random.nextInt(3) == 0) {
				n.put(metric.code(), BigDecimal.valueOf(small(200)));
			}
		}
		return n;
	}

	private static List<List<String>> rows(String... header) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(header));
		return rows;
	}

	/** A small count: most are small, a few larger. */
	private long small(int max) {
		return random.nextInt(3) == 0 ? 0 : random.nextInt(max + 1);
	}

	private String name(int syllables) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < syllables; i++) {
			s.append(SYLLABLES.charAt(random.nextInt(SYLLABLES.length())));
		}
		return s.toString();
	}

}
