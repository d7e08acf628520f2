package township.rollup.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.UnitStatus;
import township.rollup.i18n.Language;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.store.UnitRecordStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feedback page filled into its layout's skeleton is byte for byte the page the template engine renders
 * from the same texts: for texts with every character that is markup, in text and in attributes, for pages
 * that share a skeleton, and for texts that are empty where the template decides on emptiness.
 */
class FeedbackPageSkeletonTests {

	static final String MARKUP = "<b>&amp;\"'</b>";

	@TempDir
	Path dir;

	record Case(Unit unit, String parent, UnitRecordStore.UnitRecord record, BoardState state, List<Finding> findings,
			ReportFormat format, Map<String, BigDecimal> numbers, String source) {
	}

	static Case unit(String code, String text, String file, UnitStatus status, String formatId, String place,
			String explanation) {
		Unit unit = new Unit(code, "单位" + text, "镇", "410999000000", null);
		Where at = new Where(file, 59, "T3", "表三", "T3.r3_7", "（七）总计" + text, "np", "自然人" + text, place);
		List<Finding> findings = new ArrayList<>();
		findings.add(new Finding("T3-TOT", Severity.ERROR, at, new BigDecimal("5"), new BigDecimal("4"),
				new BigDecimal("-1"), "应为 5" + text, "5 expected" + text));
		findings.add(new Finding("X-JUMP", Severity.WARNING, at.column("com", "商业企业"), null, new BigDecimal("40"), null,
				"变化超过 10 倍" + text, "more than 10 times" + text, explanation));
		findings.add(new Finding("ROW-LABEL", Severity.WARNING, Where.file(file), null, null, null, "名称不同" + text,
				"label differs" + text));
		findings.add(new Finding("X-NO-PRIOR", Severity.INFO, Where.file(file), null, null, null, "没有上年" + text,
				"no prior year" + text));
		BoardLine line = new BoardLine(2020, code, unit.name(), status, null, 7L, 1, 2, 1,
				"410999000000", "镇", null, 0, 0);
		UnitRecordStore.UnitRecord record = new UnitRecordStore.UnitRecord(line, 11L, 3, file, "ab" + text, 5321L,
				"GBK" + text, Instant.parse("2021-02-20T01:02:03Z"), Instant.parse("2021-02-20T01:02:09Z"), formatId, "",
				findings);
		ReportFormat format = ReportFormats.standard().get(formatId);
		return new Case(unit, "上级" + text, record, BoardState.of(line, false), findings, format,
				FeedbackPageGoldenTests.numbers(format), "source" + text);
	}

	static void assertSame(FeedbackPages pages, Case c) {
		byte[] fast = pages.page(c.unit(), c.parent(), c.record(), c.state(), c.findings(), c.format(), c.numbers(),
				c.source());
		byte[] direct = pages.pageRenderedDirectly(c.unit(), c.parent(), c.record(), c.state(), c.findings(), c.format(),
				c.numbers(), c.source());
		assertThat(new String(fast, StandardCharsets.UTF_8)).isEqualTo(new String(direct, StandardCharsets.UTF_8));
	}

	@Test
	void textsWithMarkupAreEscapedAsTheTemplateEngineEscapesThem() {
		for (Language language : Language.values()) {
			try (FeedbackPages pages = new FeedbackPages(FeedbackPageGoldenTests.settings(language), dir)) {
				// when / then: in every text and attribute (the unit's name in the title, the file in the page)
				Case c = unit("410999101000", MARKUP, "f" + MARKUP + ".csv", UnitStatus.REJECTED, "2019",
						null, null);
				assertSame(pages, c);
				assertThat(new String(pages.page(c.unit(), c.parent(), c.record(), c.state(), c.findings(), c.format(),
						c.numbers(), c.source()), StandardCharsets.UTF_8)).contains("&lt;b&gt;&amp;amp;&quot;&#39;&lt;/b&gt;")
					.doesNotContain(MARKUP);
			}
		}
	}

	@Test
	void pagesOfOneLayoutShareItsSkeletonAndKeepTheirOwnTexts() {
		try (FeedbackPages pages = new FeedbackPages(FeedbackPageGoldenTests.settings(Language.ZH), dir)) {
			// given: three units of one layout (a workbook of the 2021 format with a warning explained)
			List<Case> units = List.of(
					unit("410999101000", "甲", "甲.xlsx", UnitStatus.ACCEPTED, "2021", "表三!C30", "甲的说明"),
					unit("410999102000", "乙乙", "乙.xlsx", UnitStatus.ACCEPTED, "2021", "表三!C30", "乙的说明"),
					unit("410999103000", MARKUP, "丙.xlsx", UnitStatus.ACCEPTED, "2021", "表三!C30", MARKUP));

			// then: each its own page
			for (Case c : units) {
				assertSame(pages, c);
			}
		}
	}

	@Test
	void anEmptyTextWhereTheTemplateDecidesOnItIsItsOwnLayout() {
		try (FeedbackPages pages = new FeedbackPages(FeedbackPageGoldenTests.settings(Language.ZH), dir)) {
			// the place of a finding: shown when there is one; a CSV file and a workbook, an open warning
			assertSame(pages, unit("410999101000", "甲", "甲.csv", UnitStatus.REJECTED, "2019", "表三!C30", null));
			assertSame(pages, unit("410999102000", "乙", "", UnitStatus.REJECTED, "2019", null, null));
			assertSame(pages, unit("410999103000", "丙", "丙.xlsx", UnitStatus.REJECTED, "2019", null, ""));
		}
	}

	/** {@code c} with the numbers of {@code empty} left out (cells the unit left empty). */
	static Case without(Case c, java.util.Set<String> empty) {
		Map<String, BigDecimal> numbers = new java.util.LinkedHashMap<>(c.numbers());
		numbers.keySet().removeAll(empty);
		return new Case(c.unit(), c.parent(), c.record(), c.state(), c.findings(), c.format(), numbers, c.source());
	}

	@Test
	void unitsOfOneFormatWithOtherEmptyCellsKeepTheirOwnTables() {
		try (FeedbackPages pages = new FeedbackPages(FeedbackPageGoldenTests.settings(Language.ZH), dir)) {
			// given: units of the 2019 format, one with every number, the others with cells left empty: the
			// first and the last of Table 3, one in Table 2, and the flagged cell (T3.r3_7.np, in the findings)
			Case full = unit("410999101000", "甲", "甲.csv", UnitStatus.REJECTED, "2019", null, null);
			List<String> codes = new ArrayList<>(full.numbers().keySet());
			String firstT3 = codes.stream().filter(code -> code.startsWith("T3.")).findFirst().orElseThrow();
			String lastT3 = codes.stream().filter(code -> code.startsWith("T3.")).reduce((a, b) -> b).orElseThrow();
			String someT2 = codes.stream().filter(code -> code.startsWith("T2.")).findFirst().orElseThrow();
			List<Case> units = List.of(full,
					without(unit("410999102000", "乙", "乙.csv", UnitStatus.REJECTED, "2019", null, null),
							java.util.Set.of(firstT3)),
					without(unit("410999103000", "丙", "丙.csv", UnitStatus.REJECTED, "2019", null, null),
							java.util.Set.of(lastT3)),
					without(unit("410999104000", "丁", "丁.csv", UnitStatus.REJECTED, "2019", null, null),
							java.util.Set.of(someT2, "T3.r3_7.np")),
					unit("410999105000", "戊", "戊.csv", UnitStatus.REJECTED, "2019", null, null));

			// then: each page is the page drawn whole, the empty cells empty and the others filled, in any order
			for (Case c : units) {
				assertSame(pages, c);
			}
			List<Case> reversed = new ArrayList<>(units);
			java.util.Collections.reverse(reversed);
			for (Case c : reversed) {
				assertSame(pages, c);
			}
			String page = new String(pages.page(units.get(3).unit(), units.get(3).parent(), units.get(3).record(),
					units.get(3).state(), units.get(3).findings(), units.get(3).format(), units.get(3).numbers(),
					units.get(3).source()), StandardCharsets.UTF_8);
			assertThat(page).contains("data-cell=\"T3.r3_7.np\" class=\"num flag\"></td>")
				.contains("data-cell=\"" + someT2 + "\" class=\"num\"></td>")
				.contains("data-cell=\"" + firstT3 + "\" class=\"num\">" + full.numbers().get(firstT3).toPlainString()
						+ "</td>");
		}
	}

}
