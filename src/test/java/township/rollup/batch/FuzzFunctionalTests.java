package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.JobRunner;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.StatusStore;
import township.rollup.support.DatabaseSnapshot;
import township.rollup.support.Mutator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing: many mutants of one valid submission, each sent by a township of its own beside a companion
 * township whose file is the valid one, through the real nightly job on the real database. For every
 * mutant the run completes; the companion stays accepted; the mutant is either rejected with an error
 * that names its file, or accepted with numbers each of which is written, as stored, on the line the
 * store says it came from; and the city's totals are the companion's plus the accepted mutants'.
 *
 * <p>
 * Reproducible: {@code -Drollup.fuzz.seed=S -Drollup.fuzz.mutants=N} (the seed and count are printed;
 * every assertion names the seed, the mutant and what was done to it).
 */
class FuzzFunctionalTests extends FunctionalTestSupport {

	static final long SEED = Long.getLong("rollup.fuzz.seed", 20261201L);

	static final int MUTANTS = Integer.getInteger("rollup.fuzz.mutants", 240);

	static final int PER_ROUND = 40;

	static final Path HOME = FunctionalTestSupport.HOME;

	static final Path INPUT = HOME.resolve("input");

	static final String CITY = "419900000000";

	static final String COMPANION = "419900001000";

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatusStore status;

	@Autowired
	ConsolidatedStore consolidated;

	private static String code(int slot) {
		return String.format("4199001%02d000", slot);
	}

	private static String name(int slot) {
		return "变异" + slot + "镇";
	}

	@Test
	void noMutantStopsTheRunOrHarmsTheCompanion() throws IOException {
		System.out.println("fuzz: seed=" + SEED + " mutants=" + MUTANTS + " (replay: -Drollup.fuzz.seed=" + SEED
				+ " -Drollup.fuzz.mutants=" + MUTANTS + ")");
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		Files.createDirectories(INPUT.resolve("2020"));
		StringBuilder registry = new StringBuilder("code,name,kind,parent,code_source\n" + CITY + ",测试县,县,,fuzz\n"
				+ COMPANION + ",同伴镇,镇," + CITY + ",fuzz\n");
		for (int slot = 0; slot < PER_ROUND; slot++) {
			registry.append(code(slot)).append(',').append(name(slot)).append(",镇,").append(CITY).append(",fuzz\n");
		}
		Files.writeString(INPUT.resolve("townships.csv"), registry, StandardCharsets.UTF_8);
		String yizhen = Files.readString(
				ConsolidationJobFunctionalTests.FIXTURE.resolve("2020/410999102000_乙镇_2020.csv"), StandardCharsets.UTF_8)
			.replace("\uFEFF", "");
		String companion = yizhen.replace("410999102000", COMPANION).replace("乙镇", "同伴镇");
		Map<String, BigDecimal> companionNumbers = CleanGrid.numbers(companion);
		Mutator mutator = new Mutator(SEED, yizhen.replace("410999102000", "@CODE@").replace("乙镇", "@NAME@"));
		int number = 0;
		int accepted = 0;
		for (int round = 0; number < MUTANTS; round++) {
			Path inbox = INPUT.resolve("2020");
			FileSystemUtils.deleteRecursively(inbox);
			Files.createDirectories(inbox);
			Files.writeString(inbox.resolve(COMPANION + "_同伴镇_2020.csv"), companion, StandardCharsets.UTF_8);
			Map<Integer, Mutator.Mutant> mutants = new LinkedHashMap<>();
			for (int slot = 0; slot < PER_ROUND && number < MUTANTS; slot++) {
				Mutator.Mutant template = mutator.next(number++);
				byte[] bytes = bind(template.bytes(), code(slot), name(slot));
				Mutator.Mutant mutant = new Mutator.Mutant(template.number(), template.description(), bytes);
				mutants.put(slot, mutant);
				Files.write(inbox.resolve(code(slot) + "_" + name(slot) + "_2020.csv"), bytes);
			}

			// when
			int exit = runner.run(JobNames.NIGHTLY, 2020, false);

			// then
			String where = "seed " + SEED + ", round " + round;
			assertThat(exit).as(where + ": the run completes").isZero();
			Map<String, BoardLine> board = new HashMap<>();
			status.board(2020).forEach(l -> board.put(l.unitCode(), l));
			assertThat(board.get(COMPANION).status()).as(where + ": the companion is accepted")
				.isEqualTo(UnitStatus.ACCEPTED);
			assertThat(stored(board.get(COMPANION))).as(where + ": the companion's numbers").isEqualTo(companionNumbers);
			Map<String, BigDecimal> expectedTotals = new TreeMap<>(companionNumbers);
			for (Map.Entry<Integer, Mutator.Mutant> e : mutants.entrySet()) {
				String unit = code(e.getKey());
				Mutator.Mutant mutant = e.getValue();
				String fileName = unit + "_" + name(e.getKey()) + "_2020.csv";
				String about = where + ", mutant " + mutant.number() + " (" + mutant.description() + ")";
				BoardLine line = board.get(unit);
				assertThat(line).as(about).isNotNull();
				if (line.status() == UnitStatus.REJECTED) {
					assertThat(errorsNaming(line, fileName)).as(about + ": rejected with an error naming its file")
						.isPositive();
					continue;
				}
				assertThat(line.status()).as(about).isEqualTo(UnitStatus.ACCEPTED);
				accepted++;
				Map<String, BigDecimal> numbers = stored(line);
				assertNumbersAreWrittenWhereStored(line, mutant.bytes(), about);
				numbers.forEach((cell, value) -> expectedTotals.merge(cell, value, BigDecimal::add));
			}
			Map<String, BigDecimal> totals = new TreeMap<>();
			consolidated.cells(2020, CITY).forEach((cell, value) -> {
				if (value.signum() != 0 || expectedTotals.containsKey(cell)) {
					totals.put(cell, value.stripTrailingZeros());
				}
			});
			Map<String, BigDecimal> expected = new TreeMap<>();
			expectedTotals.forEach((cell, value) -> expected.put(cell, value.stripTrailingZeros()));
			totals.keySet().removeIf(c -> !expected.containsKey(c) && totals.get(c).signum() == 0);
			assertThat(totals).as(where + ": the city's totals are the companion's and the accepted mutants'")
				.isEqualTo(expected);
		}
		Map<Mutator.Kind, Integer> kinds = new TreeMap<>();
		mutator.used().forEach(k -> kinds.merge(k, 1, Integer::sum));
		System.out.println("fuzz: seed=" + SEED + " mutants=" + MUTANTS + " accepted=" + accepted + " rejected="
				+ (MUTANTS - accepted) + " mutations=" + kinds);
		assertThat(kinds).as("every kind of mutation was tried").hasSize(Mutator.Kind.values().length);
	}

	/** The template's placeholders filled for a slot, in whatever encoding the mutant is in. */
	private static byte[] bind(byte[] bytes, String code, String name) {
		// the placeholders are ASCII; the name is written in the encoding the mutant most likely has
		boolean utf8 = new String(bytes, StandardCharsets.UTF_8).contains("@CODE@")
				&& !isGb18030Only(bytes);
		Charset charset = utf8 ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		byte[] codeBytes = code.getBytes(StandardCharsets.US_ASCII);
		byte[] nameBytes = name.getBytes(charset);
		byte[] out = township.rollup.support.Bytes.replace(bytes, "@CODE@".getBytes(StandardCharsets.US_ASCII), codeBytes);
		return township.rollup.support.Bytes.replace(out, "@NAME@".getBytes(StandardCharsets.US_ASCII), nameBytes);
	}

	private static boolean isGb18030Only(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder();
		try {
			decoder.decode(java.nio.ByteBuffer.wrap(bytes));
			return false;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return true;
		}
	}


	@Autowired
	township.rollup.store.FindingStore findings;

	/** What the store holds as read for the version a board line rests on. */
	private township.rollup.submission.ParsedSubmission reading(BoardLine line) {
		return township.rollup.submission.Readings.decode(jdbc.queryForObject("SELECT f.reading FROM received_file f "
				+ "JOIN submission s ON s.received_file_id = f.id WHERE s.id = ?", String.class, line.submissionId()));
	}

	/** The numbers stored for the version a board line rests on. */
	private Map<String, BigDecimal> stored(BoardLine line) {
		Map<String, BigDecimal> numbers = new TreeMap<>();
		var read = reading(line);
		read.numbers().forEach((code, value) -> numbers.put(code, value.stripTrailingZeros()));
		read.narrativeNumbers().forEach((code, value) -> numbers.put(code, value.stripTrailingZeros()));
		return numbers;
	}

	private long errorsNaming(BoardLine line, String fileName) {
		long fileId = jdbc.queryForObject("SELECT received_file_id FROM submission WHERE id = ?", Long.class,
				line.submissionId());
		List<township.rollup.rules.Finding> all = new ArrayList<>(findings.ofFile(fileId));
		all.addAll(findings.ofSubmission(line.submissionId()));
		return all.stream().filter(f -> f.isError() && fileName.equals(f.where().fileName())).count();
	}

	/**
	 * Every number of an accepted mutant is written on the physical line the store gives for it, as the
	 * stored raw text, and the value is that text read as a number; every cell of the format has one.
	 */
	private void assertNumbersAreWrittenWhereStored(BoardLine line, byte[] bytes, String about) {
		String encoding = jdbc.queryForObject("SELECT f.encoding FROM received_file f JOIN submission s "
				+ "ON s.received_file_id = f.id WHERE s.id = ?", String.class, line.submissionId());
		String text = switch (encoding) {
			case "GB18030" -> new String(bytes, Charset.forName("GB18030"));
			case "UTF-8 (BOM)" -> new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
			default -> new String(bytes, StandardCharsets.UTF_8);
		};
		String[] lines = text.split("\r\n|\r|\n", -1);
		List<String> cells = new ArrayList<>();
		var read = reading(line);
		java.util.List<township.rollup.submission.Cell> all = new ArrayList<>(read.cells().values());
		all.addAll(read.narrative().values());
		for (township.rollup.submission.Cell c : all) {
			String cell = c.code();
			int lineNo = c.line();
			String raw = c.raw();
			BigDecimal value = c.value();
			assertThat(c.kind().name()).as(about + ": " + cell + " is a number").isEqualTo("NUMBER");
			assertThat(lineNo).as(about + ": " + cell + " line").isBetween(1, lines.length);
			assertThat(lines[lineNo - 1]).as(about + ": " + cell + " written on line " + lineNo).contains(raw);
			String plain = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC)
				.strip()
				.replace(",", "")
				.replaceFirst("^\\+", "");
			assertThat(value).as(about + ": " + cell + " is what is written").isEqualByComparingTo(plain);
			cells.add(cell);
		}
		ReportFormat format = ReportFormats.standard().get("2019");
		assertThat(cells).as(about + ": every cell of the format")
			.containsAll(format.cells().stream().map(CellDef::code).toList());
	}

	/**
	 * An independent reading of a clean submission (no quotes, no oddities), for the companion's numbers:
	 * a data line is a row code, a label and values in the format's column order.
	 */
	static final class CleanGrid {

		static Map<String, BigDecimal> numbers(String text) {
			ReportFormat format = ReportFormats.standard().get("2019");
			Map<String, BigDecimal> numbers = new TreeMap<>();
			for (String line : text.split("\r\n")) {
				String[] cells = line.split(",", -1);
				if (cells[0].startsWith("NARR.")) {
					numbers.put(cells[0], new BigDecimal(cells[2]).stripTrailingZeros());
					continue;
				}
				format.row(cells[0]).ifPresent(row -> {
					for (int i = 0; i < row.columns().size(); i++) {
						numbers.put(row.cellCode(row.columns().get(i)), new BigDecimal(cells[2 + i]).stripTrailingZeros());
					}
				});
			}
			return numbers;
		}

	}

}
