package township.rollup.importer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import township.rollup.output.Csv;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRecordCsvTests {

	@Test
	void oneLinePerCellAndNarrativeNumberWithTheTextAsFoundAndItsLines() {
		ImportResult result = ImporterFixtures.readFixture("pipe-rows-empty-runs.txt", null);

		String csv = new String(ImportRecordCsv.write(result, c -> "note " + c.reason()), StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFF单元格(cell_code),表(table),行(row_label),列(column_label),状态(status)");
		assertThat(csv.split("\r\n")).hasSize(1 + 198 + 9);
		assertThat(csv).contains("\r\nT2.i9.proc.amount,表二,政府集中采购,采购总金额,UNREADABLE,251000元,20,NOT_A_NUMBER,note NOT_A_NUMBER\r\n")
			.contains("\r\nT2.i6.coe.delta,表二,行政强制,本年增/减,VALUE,-1,14,IN_ORDER,note IN_ORDER\r\n")
			.contains("\r\nT2.i5.lic.decisions,表二,行政许可,处理决定数量,BLANK,,9,ROW_EMPTY,note ROW_EMPTY\r\n");
	}

	@Test
	void pageTextThatASpreadsheetWouldRunIsDefused() {
		// the import record goes through the one guard of every CSV written
		assertThat(Csv.guarded("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(Csv.guarded("+A1")).isEqualTo("'+A1");
		assertThat(Csv.guarded("-8")).isEqualTo("-8");
		assertThat(Csv.guarded("+19")).isEqualTo("+19");
		assertThat(Csv.guarded("-")).isEqualTo("-");
		// a page's text that starts like a signed number but is a formula is defused (DDE)
		assertThat(Csv.guarded("-1+cmd|' /C calc'!A0")).isEqualTo("'-1+cmd|' /C calc'!A0");
	}

}
