package township.rollup.rollup;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.registry.Registry;
import township.rollup.reportformat.FormNumbers;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rollup.Tree.Standing;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.ParsedSubmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static township.rollup.rollup.Units.BING;
import static township.rollup.rollup.Units.CITY;
import static township.rollup.rollup.Units.COUNTY_A;
import static township.rollup.rollup.Units.COUNTY_B;
import static township.rollup.rollup.Units.DING;
import static township.rollup.rollup.Units.JIA;
import static township.rollup.rollup.Units.YI;

/**
 * Level-by-level sums over {@link Units}' tree, every expected total worked out by hand in the comments.
 * The numbers are read as the nightly reads them: a not-applicable cell ({@code -}, {@code /}) is absent
 * from {@link ParsedSubmission#numbers()}, never 0.
 */
class ConsolidationTests {

	private static final ReportFormat F2019 = ReportFormats.standard().get("2019");

	static Registry registry;

	@BeforeAll
	static void registry(@TempDir Path dir) {
		registry = Units.registry(dir);
	}

	private static Cell number(String code, String value) {
		return new Cell(code, 1, value, CellKind.NUMBER, new BigDecimal(value));
	}

	private static Cell notApplicable(String code, String raw) {
		return new Cell(code, 1, raw, CellKind.NOT_APPLICABLE, null);
	}

	/** What the roll-up step adds for an accepted file: its cells' and narrative metrics' numbers. */
	private static Map<String, BigDecimal> numbers(List<Cell> cells, List<Cell> narrative) {
		Map<String, Cell> c = new LinkedHashMap<>();
		cells.forEach(cell -> c.put(cell.code(), cell));
		Map<String, Cell> n = new LinkedHashMap<>();
		narrative.forEach(cell -> n.put(cell.code(), cell));
		ParsedSubmission parsed = new ParsedSubmission("x.csv", "UTF-8", null, "2019", c, n, List.of(), Map.of());
		Map<String, BigDecimal> all = new LinkedHashMap<>(parsed.numbers());
		all.putAll(parsed.narrativeNumbers());
		return all;
	}

	/** The same numbers at their places in the format, as a stored vector is read ({@link FormNumbers}). */
	private static Map<String, BigDecimal> placed(Map<String, BigDecimal> numbers) {
		BigDecimal[] values = new BigDecimal[F2019.numberCount()];
		numbers.forEach((code, value) -> values[F2019.position(code)] = value);
		return FormNumbers.of(F2019, values);
	}

	/** The tree summed, each file's numbers by code or ({@code byPlace}) at their places in the format. */
	private static Map<String, Consolidation.Result> sum(boolean byPlace) {
		java.util.function.UnaryOperator<Map<String, BigDecimal>> read = byPlace ? ConsolidationTests::placed : m -> m;
		Tree tree = new Tree(registry, Map.of(JIA, Standing.ACCEPTED, YI, Standing.ACCEPTED, BING, Standing.REJECTED,
				COUNTY_B, Standing.ACCEPTED, DING, Standing.ACCEPTED));
		Consolidation sums = new Consolidation(F2019, registry, tree);
		// 甲镇: every table
		sums.add(registry.member(JIA).orElseThrow(),
				read.apply(numbers(List.of(number("T2.i9.proc.amount", "30.5"), number("T2.i5.lic.delta", "-8"),
						number("T3.r1.np", "4"), number("T4.rev.tot", "1")),
						List.of(number("NARR.proactive_items", "392")))));
		// 乙镇: 本年增/减 not applicable, and no Table 4 at all
		sums.add(registry.member(YI).orElseThrow(),
				read.apply(numbers(List.of(number("T2.i9.proc.amount", "125.36"), notApplicable("T2.i5.lic.delta", "/"),
						number("T3.r1.np", "2")), List.of())));
		// 乙县's own file counts for it
		sums.add(registry.member(COUNTY_B).orElseThrow(),
				read.apply(numbers(List.of(number("T2.i9.proc.amount", "0.0001"), number("T2.i5.lic.delta", "-15"),
						number("T3.r1.np", "7"), number("T4.rev.tot", "3")), List.of())));
		// 丁镇 is accepted below 乙县, whose own file stands in its place: never summed above 乙县
		sums.add(registry.member(DING).orElseThrow(),
				read.apply(numbers(List.of(number("T2.i9.proc.amount", "1000"), number("T3.r1.np", "100")),
						List.of(number("NARR.proactive_items", "1")))));
		Map<String, Consolidation.Result> results = new LinkedHashMap<>();
		sums.forEachLevel(r -> results.put(r.level().unit().code(), r));
		return results;
	}

	@ParameterizedTest(name = "numbers read by place: {0}")
	@ValueSource(booleans = { false, true })
	void eachLevelIsSummedFromTheLevelBelowInExactDecimals(boolean byPlace) {
		// when
		Map<String, Consolidation.Result> results = sum(byPlace);

		// then: deepest first
		assertThat(results).containsOnlyKeys(COUNTY_A, COUNTY_B, CITY);
		assertThat(results.keySet()).containsExactly(COUNTY_A, COUNTY_B, CITY);
		Totals a = results.get(COUNTY_A).totals();
		Totals b = results.get(COUNTY_B).totals();
		Totals city = results.get(CITY).totals();
		// 甲县 = 甲镇 + 乙镇: 30.5 + 125.36 = 155.86; the city adds 乙县's 0.0001 = 155.8601
		assertThat(a.cells().get("T2.i9.proc.amount")).isEqualTo(new BigDecimal("155.86"));
		assertThat(b.cells().get("T2.i9.proc.amount")).isEqualTo(new BigDecimal("0.0001"));
		assertThat(city.cells().get("T2.i9.proc.amount")).isEqualTo(new BigDecimal("155.8601"));
		assertThat(city.cellContributors().get("T2.i9.proc.amount")).isEqualTo(3);
		// 4 + 2 = 6 in 甲县; 6 + 7 = 13 in the city (丁镇's 100 is not there)
		assertThat(a.cells().get("T3.r1.np")).isEqualByComparingTo("6");
		assertThat(city.cells().get("T3.r1.np")).isEqualByComparingTo("13");
		assertThat(city.cellContributors().get("T3.r1.np")).isEqualTo(3);
	}

	@ParameterizedTest(name = "numbers read by place: {0}")
	@ValueSource(booleans = { false, true })
	void aNotApplicableCellAddsNothingAndIsNotCountedAsAContributor(boolean byPlace) {
		// when
		Map<String, Consolidation.Result> results = sum(byPlace);

		// then: 甲县 −8 from 甲镇 alone (乙镇 wrote /); the city −8 − 15 = −23 from two files
		assertThat(results.get(COUNTY_A).totals().cells().get("T2.i5.lic.delta")).isEqualByComparingTo("-8");
		assertThat(results.get(COUNTY_A).totals().cellContributors().get("T2.i5.lic.delta")).isEqualTo(1);
		assertThat(results.get(CITY).totals().cells().get("T2.i5.lic.delta")).isEqualByComparingTo("-23");
		assertThat(results.get(CITY).totals().cellContributors().get("T2.i5.lic.delta")).isEqualTo(2);
	}

	@ParameterizedTest(name = "numbers read by place: {0}")
	@ValueSource(booleans = { false, true })
	void aUnitWithoutATableAddsNothingThereAndCellsNobodySentAreZeroFromNoOne(boolean byPlace) {
		// when
		Totals city = sum(byPlace).get(CITY).totals();

		// then: Table 4 from 甲镇 (1) and 乙县 (3) only; 乙镇 had none
		assertThat(city.cells().get("T4.rev.tot")).isEqualByComparingTo("4");
		assertThat(city.cellContributors().get("T4.rev.tot")).isEqualTo(2);
		assertThat(city.cells().get("T4.lit_after.pending")).isEqualByComparingTo("0");
		assertThat(city.cellContributors().get("T4.lit_after.pending")).isZero();
		assertThat(city.cells()).hasSize(198);
	}

	@ParameterizedTest(name = "numbers read by place: {0}")
	@ValueSource(booleans = { false, true })
	void narrativeMetricsAreSummedOnlyOverTheFilesThatStateThem(boolean byPlace) {
		// when
		Totals city = sum(byPlace).get(CITY).totals();

		// then: 392 from 甲镇 alone (丁镇's 1 stays below 乙县's own file); nobody stated training sessions
		assertThat(city.narrative()).containsEntry("NARR.proactive_items", new BigDecimal("392"));
		assertThat(city.narrativeContributors()).containsEntry("NARR.proactive_items", 1);
		assertThat(city.narrative()).doesNotContainKey("NARR.training_sessions");
	}

	@ParameterizedTest(name = "numbers read by place: {0}")
	@ValueSource(booleans = { false, true })
	void eachLevelCountsTheAcceptedRejectedAndMissingFilesItRestsOn(boolean byPlace) {
		// when
		Map<String, Consolidation.Result> results = sum(byPlace);

		// then: 甲县 2 accepted, 1 rejected (丙街道); 乙县 its own file; the city 3 accepted (甲镇, 乙镇, 乙县),
		// 1 rejected (丙街道) and 1 missing (戊乡)
		assertThat(results.get(COUNTY_A)).extracting(r -> List.of(r.accepted(), r.rejected(), r.missing()))
			.isEqualTo(List.of(2, 1, 0));
		assertThat(results.get(COUNTY_B)).extracting(r -> List.of(r.accepted(), r.rejected(), r.missing()))
			.isEqualTo(List.of(1, 0, 0));
		assertThat(results.get(CITY)).extracting(r -> List.of(r.accepted(), r.rejected(), r.missing()))
			.isEqualTo(List.of(3, 1, 1));
	}

	@Test
	void aLevelWithNothingAcceptedBelowItHasNoTotals() {
		// given: only 甲镇 sent a file
		Tree tree = new Tree(registry, Map.of(JIA, Standing.ACCEPTED));
		Consolidation sums = new Consolidation(F2019, registry, tree);
		sums.add(registry.member(JIA).orElseThrow(), Map.of("T3.r1.np", new BigDecimal("4")));

		// when
		Map<String, Consolidation.Result> results = new LinkedHashMap<>();
		sums.forEachLevel(r -> results.put(r.level().unit().code(), r));

		// then
		assertThat(results.get(COUNTY_B).totals()).isNull();
		assertThat(results.get(COUNTY_B).missing()).isEqualTo(1);
		assertThat(results.get(CITY).totals().cells().get("T3.r1.np")).isEqualByComparingTo("4");
	}

	@Test
	void aCellTheFormatDoesNotHaveIsRefused() {
		// given: the 2021 format has no 政府集中采购
		Consolidation sums = new Consolidation(ReportFormats.standard().get("2021"), registry,
				new Tree(registry, Map.of(JIA, Standing.ACCEPTED)));

		// when / then
		assertThatThrownBy(() -> sums.add(registry.member(JIA).orElseThrow(),
				Map.of("T2.i9.proc.amount", new BigDecimal("12.5"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("T2.i9.proc.amount");
	}

}
