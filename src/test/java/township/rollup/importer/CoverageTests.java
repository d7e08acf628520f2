package township.rollup.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTests {

	@Test
	void aTableCutOffPartWayIsFoundUpToTheRowBeforeTheCut() {
		// when
		ImportResult result = ImporterFixtures.readFixture("table-cut-off.txt", null);

		// then: 表三：23 行中找到 9 行，自第 10 行起缺失
		assertThat(result.cutOff()).isTrue();
		assertThat(result.complete()).isFalse();
		TableResult t3 = result.tables().get(1);
		assertThat(t3.code()).isEqualTo("T3");
		assertThat(t3.rows()).isEqualTo(23);
		assertThat(t3.rowsFound()).isEqualTo(9);
		assertThat(t3.missingFrom()).isEqualTo(10);
		assertThat(result.cell("T3.r3_3_6.np").reason()).isEqualTo(Reason.TEXT_ENDS);
		assertThat(result.cell("T3.r4.np").reason()).isEqualTo(Reason.TEXT_ENDS);
		assertThat(result.cell("T4.rev.kept").reason()).isEqualTo(Reason.TEXT_ENDS);
		TableResult t2 = result.tables().get(0);
		assertThat(t2.rowsFound()).isEqualTo(8);
		assertThat(t2.missingFrom()).isZero();
	}

	@Test
	void aCompleteReportHasNoMissingRun() {
		ImportResult result = ImporterFixtures.readFixture("tabs-flattened-merged-cells.txt", null);
		assertThat(result.complete()).isTrue();
		assertThat(result.tables()).allSatisfy(t -> {
			assertThat(t.rowsFound()).isEqualTo(t.rows());
			assertThat(t.missingFrom()).isZero();
		});
	}

}
