package township.rollup.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.support.ReportGrid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed: the real published 2020 report of 邙岭镇, tabs with flattened merged cells, the last Table 3
 * rows shifted one column left with a trailing empty field. Imported, it must give exactly the numbers of
 * the sample submission of 邙岭镇 (input/2020/), read here without the code under test.
 */
class SeedImportTests {

	private static final Path SAMPLE = Path.of("input/2020/410381114000_邙岭镇_2020.csv");

	@Test
	void theSeedGivesEveryCellOfThe2019FormatWithTheSampleSubmissionsNumbers() {
		// given
		String seed = ImporterFixtures.text(ImporterFixtures.SEED);
		Map<String, String> sample = ReportGrid.read2019(SAMPLE);

		// when
		ImportResult result = ImporterFixtures.read(seed, PublishedReportImporter.Source.TEXT, null);

		// then
		assertThat(result.formatId()).isEqualTo("2019");
		assertThat(result.formatForced()).isFalse();
		assertThat(result.cells()).hasSize(198);
		assertThat(result.cells()).allSatisfy(c -> assertThat(c.status()).as(c.code()).isEqualTo(ImportStatus.VALUE));
		assertThat(result.complete()).isTrue();
		Map<String, String> cells = result.submissionCells();
		sample.forEach((code, value) -> {
			if (code.startsWith("T")) {
				assertThat(cells.get(code)).as(code).isEqualTo(value);
			}
		});
		assertThat(cells.keySet()).containsExactlyInAnyOrderElementsOf(
				sample.keySet().stream().filter(k -> k.startsWith("T")).toList());
		assertThat(result.narrativeCells()).containsExactlyInAnyOrderEntriesOf(Map.of("NARR.proactive_items", "392",
				"NARR.policy_interpretations", "21", "NARR.opinion_responses", "139", "NARR.netizen_requests", "123",
				"NARR.info_reported", "43", "NARR.documents_published", "5"));
		sample.forEach((code, value) -> {
			if (code.startsWith("NARR.")) {
				assertThat(result.narrativeCells().get(code)).as(code).isEqualTo(value);
			}
		});
	}

	@Test
	void theShiftedRowsAndTheLastTablesValuesComeFromTheirOwnLines() {
		// given
		String seed = ImporterFixtures.text(ImporterFixtures.SEED);

		// when
		ImportResult result = ImporterFixtures.read(seed, PublishedReportImporter.Source.TEXT, null);

		// then: line numbers as an editor shows the seed
		assertThat(result.cell("T2.i1.reg.new_made").lines()).containsExactly(19);
		assertThat(result.cell("T2.i9.proc.count").text()).isEqualTo("2");
		assertThat(result.cell("T2.i9.proc.amount").text()).isEqualTo("30.5");
		assertThat(result.cell("T2.i9.proc.amount").lines()).containsExactly(34);
		assertThat(result.cell("T3.r3_5_5.np").lines()).containsExactly(61);
		assertThat(result.cell("T3.r3_5_5.tot").lines()).containsExactly(61);
		assertThat(result.cell("T3.r3_6.np").lines()).containsExactly(62);
		assertThat(result.cell("T4.rev.kept").lines()).containsExactly(71);
		assertThat(result.cell("T4.lit_after.tot").lines()).containsExactly(71);
		assertThat(result.narrative().get(0).lines()).containsExactly(7);
	}

	@Test
	void everyValueStandsAtItsRecordedLine() {
		String seed = ImporterFixtures.text(ImporterFixtures.SEED);
		List<String> lines = ImporterFixtures.lines(seed);

		ImportResult result = ImporterFixtures.read(seed, PublishedReportImporter.Source.TEXT, null);

		for (CellImport cell : result.cells()) {
			assertThat(cell.lines()).as(cell.code()).hasSize(1);
			assertThat(lines.get(cell.lines().get(0))).as(cell.code()).contains(cell.text());
		}
		for (CellImport cell : result.narrative()) {
			if (cell.status() == ImportStatus.VALUE) {
				assertThat(lines.get(cell.lines().get(0))).as(cell.code()).contains(cell.text());
			}
		}
	}

	@Test
	void theFormatIsShownByTheLabelsOfBothTables() {
		ImportResult result = ImporterFixtures.read(ImporterFixtures.text(ImporterFixtures.SEED),
				PublishedReportImporter.Source.TEXT, null);

		assertThat(result.evidence()).extracting(Evidence::formatId).containsOnly("2019");
		assertThat(result.evidence()).extracting(Evidence::text)
			.contains("本年新制作数量", "上一年项目数量", "政府集中采购", "采购总金额(单位:万元,保留4位小数)", "(六) 其他处理");
		assertThat(result.tables()).extracting(TableResult::decision)
			.containsExactly(TableResult.Decision.READ, TableResult.Decision.READ, TableResult.Decision.SAME_ROWS_ONLY);
	}

}
