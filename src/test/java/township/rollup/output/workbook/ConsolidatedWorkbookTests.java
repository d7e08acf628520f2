package township.rollup.output.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings sheet stops below the sheet limit and says where the rest are; the whole year is in
 * findings.csv. Tried with a small cap, as a nation's million findings would be with the real one.
 */
class ConsolidatedWorkbookTests {

	@Test
	void theRealCapLeavesRoomForTheHeaderAndTheLastLineWithinTheSheetLimit() {
		// title, blank, header, the rows, the line that says where the rest are
		assertThat(3 + ConsolidatedWorkbook.MAX_ROWS + 1).isLessThanOrEqualTo(1_048_576);
	}

	@Test
	void findingsBeyondTheCapAreCutWithALineSayingTheyAreInFindingsCsv() throws Exception {
		for (int given : List.of(4, 5, 6, 9)) {
			// given a sheet that holds 5 findings
			Sheet sheet = written(given, 5);

			// then the first 5 (or fewer) are there in order, and only a cut says where the rest are
			int shown = Math.min(given, 5);
			List<String> first = new ArrayList<>();
			for (int r = 3; r < 3 + shown; r++) {
				first.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(first).as(given + " findings").containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, shown).mapToObj(i -> "finding " + i).toList());
			if (given > 5) {
				assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5);
				assertThat(sheet.getRow(3 + 5).getCell(0).getStringCellValue()).contains("findings.csv").contains("5");
			}
			else {
				assertThat(sheet.getLastRowNum()).isEqualTo(3 + given - 1);
			}
		}
	}

	private static Sheet written(int findings, int cap) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ConsolidatedWorkbook workbook = new ConsolidatedWorkbook(Messages.of(Language.ZH), cap)) {
			workbook.startFindings("审核结果", "title", List.of("text"), new int[] { 20 });
			for (int i = 0; i < findings; i++) {
				workbook.finding(List.of("finding " + i));
			}
			workbook.writeTo(bytes);
		}
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray())).getSheet("审核结果");
	}

}
