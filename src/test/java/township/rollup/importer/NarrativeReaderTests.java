package township.rollup.importer;

import java.util.List;

import org.junit.jupiter.api.Test;

import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeReaderTests {

	private List<CellImport> read(String text) {
		return NarrativeReader.read(ReportFormats.standard().get("2019").narrativeMetrics(),
				TextLayout.read(text).lines());
	}

	private CellImport metric(List<CellImport> cells, String code) {
		return cells.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void aNumberStatedPlainlyIsTakenWithItsLine() {
		List<CellImport> cells = read("第一段。\n2020年,我镇主动公开政府信息392条,主要途径为网站。\n");
		CellImport proactive = metric(cells, "NARR.proactive_items");
		assertThat(proactive.status()).isEqualTo(ImportStatus.VALUE);
		assertThat(proactive.text()).isEqualTo("392");
		assertThat(proactive.lines()).containsExactly(2);
		assertThat(proactive.args()).containsExactly("主动公开政府信息392条");
	}

	@Test
	void anApproximationIsNotAStatement() {
		List<CellImport> cells = read("主动公开政府信息68余条，回应舆情约20次，开展培训3次以上。\n");
		assertThat(metric(cells, "NARR.proactive_items").status()).isEqualTo(ImportStatus.NOT_FOUND);
		assertThat(metric(cells, "NARR.opinion_responses").status()).isEqualTo(ImportStatus.NOT_FOUND);
	}

	@Test
	void twoDifferentNumbersForOneMetricAreNeitherTaken() {
		List<CellImport> cells = read("主动公开政府信息392条。\n全年主动公开政府信息400条。\n");
		CellImport proactive = metric(cells, "NARR.proactive_items");
		assertThat(proactive.status()).isEqualTo(ImportStatus.AMBIGUOUS);
		assertThat(proactive.submissionText()).isEmpty();
		assertThat(proactive.lines()).containsExactly(1, 2);
	}

	@Test
	void onlyTheFirstSectionIsRead() {
		String report = "一、总体情况\n无数字。\n五、存在的主要问题及改进情况\n明年主动公开政府信息500条。\n";
		ImportResult result = ImporterFixtures.read(report + "二、主动公开政府信息情况\n信息内容\t本年新制作数量\n",
				PublishedReportImporter.Source.TEXT, "2019");
		assertThat(result.narrativeCells()).isEmpty();
	}


	@Test
	void theApplicationsReceivedAreTakenAsRealReportsWordThem() {
		// the wordings of published reports: 本年度共收到…, 全年收到… with the spaces of a PDF's text, 共受理…
		assertThat(metric(read("本年度共收到政府信息公开申请17件，均已按时答复。\n"), "NARR.applications_received").text())
			.isEqualTo("17");
		assertThat(metric(read("全年收到政府信息公开申请 34 件。\n"), "NARR.applications_received").text()).isEqualTo("34");
		CellImport received = metric(read("第一段。\n共受理政府信息公开申请859件，答复805件（含上年度结转申请18件）。\n"),
				"NARR.applications_received");
		assertThat(received.status()).isEqualTo(ImportStatus.VALUE);
		assertThat(received.text()).isEqualTo("859");
		assertThat(received.lines()).containsExactly(2);
		assertThat(received.args()).containsExactly("受理政府信息公开申请859件");
		assertThat(metric(read("收到依申请公开申请共计5件。\n"), "NARR.applications_received").text()).isEqualTo("5");
	}

	@Test
	void applicationsReceivedWithoutAClearPhraseOrNumberAreNotTaken() {
		for (String text : List.of("受理政府信息公开申请2.3万件。", "收到政府信息公开申请约20件。", "收到政府信息公开申请20余件。",
				"收到政府信息公开申请17件以上。", "收到行政复议申请2件。", "上年结转政府信息公开申请3件。", "共收到申请5件。",
				"三、收到和处理政府信息公开申请情况")) {
			assertThat(metric(read(text + "\n"), "NARR.applications_received").status()).as(text)
				.isEqualTo(ImportStatus.NOT_FOUND);
		}
	}

	@Test
	void twoDifferentNumbersOfApplicationsReceivedAreNeitherTaken() {
		CellImport received = metric(read("本年度共收到政府信息公开申请17件。\n全年受理依申请公开申请15件。\n"),
				"NARR.applications_received");
		assertThat(received.status()).isEqualTo(ImportStatus.AMBIGUOUS);
		assertThat(received.lines()).containsExactly(1, 2);
	}

	@Test
	void aPhraseThatThePageWrappedIsReadAcrossTheBreak() {
		// 淮安市洪泽区 2024 (a real published PDF): the page breaks the sentence inside the phrase; its 表三
		// prints 95 new applications, which the rule NARR-RECEIVED then sets against these 17
		List<CellImport> cells = read("（二）依申请公开情况。2024 年，区政府办代表区政府受理政府\n"
				+ "信息公开申请 17 件，均已在法定期限内予以答复。\n");
		CellImport received = metric(cells, "NARR.applications_received");
		assertThat(received.status()).isEqualTo(ImportStatus.VALUE);
		assertThat(received.text()).isEqualTo("17");
		assertThat(received.lines()).containsExactly(1, 2);
		assertThat(received.args()).containsExactly("受理政府信息公开申请 17 件");
	}

	@Test
	void aSentenceThatEndsIsNotContinuedByTheNextLine() {
		// the first line ends its sentence: 392条 on the next line belongs to another statement
		List<CellImport> cells = read("本年度主动公开政府信息。\n392条意见已办结。\n");
		assertThat(metric(cells, "NARR.proactive_items").status()).isEqualTo(ImportStatus.NOT_FOUND);
		// nor is a line continued over a blank line
		assertThat(metric(read("主动公开政府信息\n\n392条\n"), "NARR.proactive_items").status())
			.isEqualTo(ImportStatus.NOT_FOUND);
	}

}
