package township.rollup.ingest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.ingest.CellParser.Parsed;
import township.rollup.reportformat.CellType;
import township.rollup.submission.CellKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Typing one cell against its template column (report-format.md §3, §4, §10). */
class CellParserTests {

	private static Parsed count(String raw) {
		return CellParser.parse(raw, CellType.COUNT, "", 0);
	}

	private static Parsed signed(String raw) {
		return CellParser.parse(raw, CellType.SIGNED_COUNT, "", 0);
	}

	private static Parsed amount(String raw) {
		return CellParser.parse(raw, CellType.AMOUNT, "万元", 4);
	}

	static Stream<Arguments> validCounts() {
		return Stream.of(arguments("0", "0"), arguments("12", "12"), arguments(" 7 ", "7"),
				arguments("\t7\t", "7"), arguments("１２", "12"), arguments("\u00A012\u00A0", "12"),
				arguments("\u300012\u3000", "12"), arguments("1,234", "1234"), arguments("1,234,567", "1234567"),
				arguments("007", "7"));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
	@MethodSource("validCounts")
	void aCountIsANonNegativeWholeNumber(String raw, String expected) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.kind()).isEqualTo(CellKind.NUMBER);
		assertThat(parsed.value()).isEqualByComparingTo(expected);
		assertThat(parsed.args()).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "", " ", "\u00A0", "\u3000", "\t" })
	void aBlankCellIsCellBlankAndStaysBlank(String raw) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.BLANK);
		assertThat(parsed.problem()).isEqualTo("CELL-BLANK");
		assertThat(parsed.value()).isNull();
	}

	@Test
	void aNullCellIsBlank() {
		// when
		Parsed parsed = count(null);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.BLANK);
		assertThat(parsed.problem()).isEqualTo("CELL-BLANK");
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "/", "／", "—", "——", "-", "--", "–", "不适用", " / ", "－" })
	void aNotApplicableMarkerInAValueCellIsCellNa(String raw) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.NOT_APPLICABLE);
		assertThat(parsed.problem()).isEqualTo("CELL-NA");
		assertThat(parsed.value()).isNull();
	}

	@Test
	void notApplicableMarkersAreCellNaInEveryColumnType() {
		// when / then
		assertThat(signed("/").problem()).isEqualTo("CELL-NA");
		assertThat(amount("—").problem()).isEqualTo("CELL-NA");
		assertThat(amount("不适用").kind()).isEqualTo(CellKind.NOT_APPLICABLE);
	}

	@Test
	void aPlusSignInACountIsCellSign() {
		// when
		Parsed parsed = count("+5");

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-SIGN");
		assertThat(parsed.value()).isNull();
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "-3", "－3", " -3 ", "-1,234" })
	void aNegativeCountIsCellNegative(String raw) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-NEGATIVE");
		assertThat(parsed.value()).isNull();
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "3.5", "3.0", "0.0", "1,234.5" })
	void aDecimalInACountIsCellNotInteger(String raw) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-NOT-INTEGER");
		assertThat(parsed.value()).isNull();
	}

	@Test
	void aUnitInACountIsCellUnitWithTheNumberAsSuggestion() {
		// when
		Parsed parsed = count("3件");

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.value()).isNull();
		assertThat(parsed.args()).containsEntry("amount", false).containsEntry("suggestion", "3");
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" suggests {1}")
	@MethodSource("countsWithUnits")
	void everyCountUnitIsRecognised(String raw, String suggestion) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.args()).containsEntry("suggestion", suggestion);
	}

	static Stream<Arguments> countsWithUnits() {
		return Stream.of(arguments("12条", "12"), arguments("4 次", "4"), arguments("30人次", "30"),
				arguments("2个", "2"), arguments("5项", "5"), arguments("1份", "1"), arguments("3.5件", ""));
	}

	@Test
	void aCountWrittenInTenThousandsIsNotSuggestedAsTheBareNumber() {
		// given: "3万" in a count column means 30000, never 3
		String raw = "3万";

		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.args().get("suggestion")).isNotEqualTo("3");
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "abc", "68余", "约12", "12 3", "1e3", "三", "0x10", "1,23" })
	void textInACountIsCellText(String raw) {
		// when
		Parsed parsed = count(raw);

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-TEXT");
		assertThat(parsed.value()).isNull();
		assertThat(parsed.args()).isEmpty();
	}

	static Stream<Arguments> signedCounts() {
		return Stream.of(arguments("+19", "19"), arguments("-8", "-8"), arguments("0", "0"), arguments("12", "12"),
				arguments(" -8 ", "-8"), arguments("＋19", "19"), arguments("－8", "-8"));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
	@MethodSource("signedCounts")
	void theSignedCountOfTheChangeColumnTakesASign(String raw, String expected) {
		// when
		Parsed parsed = signed(raw);

		// then
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.kind()).isEqualTo(CellKind.NUMBER);
		assertThat(parsed.value()).isEqualByComparingTo(expected);
	}

	@Test
	void aSignedCountIsStillWhole() {
		// when / then
		assertThat(signed("+1.5").problem()).isEqualTo("CELL-NOT-INTEGER");
		assertThat(signed("-8件").problem()).isEqualTo("CELL-UNIT");
		assertThat(signed("增加8").problem()).isEqualTo("CELL-TEXT");
		assertThat(signed("").problem()).isEqualTo("CELL-BLANK");
	}

	@Test
	void anAmountKeepsItsExactDecimalValue() {
		// when
		Parsed parsed = amount("30.5");

		// then
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.kind()).isEqualTo(CellKind.NUMBER);
		assertThat(parsed.value()).isEqualTo(new BigDecimal("30.5"));
	}

	static Stream<Arguments> validAmounts() {
		return Stream.of(arguments("0.0001", "0.0001"), arguments("0", "0"), arguments("477.35", "477.35"),
				arguments("0.092", "0.092"), arguments("808", "808"), arguments("1,234.5", "1234.5"),
				arguments(" 30.5 ", "30.5"), arguments("３０.５", "30.5"));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
	@MethodSource("validAmounts")
	void anAmountHasAtMostTheColumnsDecimals(String raw, String expected) {
		// when
		Parsed parsed = amount(raw);

		// then
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.kind()).isEqualTo(CellKind.NUMBER);
		assertThat(parsed.value()).isEqualTo(new BigDecimal(expected));
	}

	@Test
	void anAmountWithTooManyDecimalsIsCellDecimals() {
		// when
		Parsed parsed = amount("1.23456");

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-DECIMALS");
		assertThat(parsed.value()).isNull();
		assertThat(parsed.args()).containsEntry("scale", 4).containsEntry("unit", "万元");
	}

	@Test
	void anAmountInYuanIsCellUnitWithTheValueInWanYuanAsSuggestion() {
		// when
		Parsed parsed = amount("251000元");

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.value()).isNull();
		assertThat(parsed.args()).isEqualTo(Map.of("amount", true, "unit", "万元", "scale", 4, "suggestion", "25.1"));
	}

	@Test
	void anAmountInWanYuanWrittenWithItsUnitIsCellUnitWithTheBareNumberAsSuggestion() {
		// when
		Parsed parsed = amount("25.1万元");

		// then
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.args()).containsEntry("suggestion", "25.1").containsEntry("amount", true);
	}

	static Stream<Arguments> amountsWithUnits() {
		return Stream.of(arguments("25.1 万元", "25.1"), arguments("25.1万", "25.1"), arguments("1元", "0.0001"),
				arguments("0.5元", ""), arguments("25.12345万元", ""), arguments("3件", ""));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" suggests \"{1}\"")
	@MethodSource("amountsWithUnits")
	void aSuggestionIsOnlyGivenWhenItFitsTheColumn(String raw, String suggestion) {
		// when
		Parsed parsed = amount(raw);

		// then
		assertThat(parsed.problem()).isEqualTo("CELL-UNIT");
		assertThat(parsed.args()).containsEntry("suggestion", suggestion);
	}

	@Test
	void aNegativeAmountIsCellNegative() {
		// when
		Parsed parsed = amount("-1");

		// then
		assertThat(parsed.kind()).isEqualTo(CellKind.TEXT);
		assertThat(parsed.problem()).isEqualTo("CELL-NEGATIVE");
		assertThat(parsed.value()).isNull();
	}

	@Test
	void aSignedAmountIsCellSign() {
		// when / then
		assertThat(amount("+30.5").problem()).isEqualTo("CELL-SIGN");
	}

	@Test
	void textInAnAmountIsCellText() {
		// when / then
		assertThat(amount("约30万").problem()).isEqualTo("CELL-TEXT");
		assertThat(amount("￥30.5").problem()).isEqualTo("CELL-TEXT");
		assertThat(amount("30.5.1").problem()).isEqualTo("CELL-TEXT");
	}

	@Test
	void normalizingTrimsEverySpaceAndFoldsFullWidthForms() {
		// when / then
		assertThat(CellParser.normalize("\u3000１２\u00A0")).isEqualTo("12");
		assertThat(CellParser.normalize(" ＋１９ ")).isEqualTo("+19");
		assertThat(CellParser.normalize(null)).isEmpty();
	}

	// the store's range: 15 integer digits at most, checked before any number is built

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "1000000000000000", "123456789012345678901234567890", "+1000000000000000",
			"-1000000000000000", "1,000,000,000,000,000" })
	void aValueOf16IntegerDigitsOrMoreIsOutOfRange(String raw) {
		assertThat(count(raw).problem()).isEqualTo("CELL-RANGE");
		assertThat(signed(raw).problem()).isEqualTo("CELL-RANGE");
		assertThat(amount(raw).problem()).isEqualTo("CELL-RANGE");
		assertThat(count(raw).value()).isNull();
		assertThat(count(raw).args()).containsEntry("maxDigits", 15).containsEntry("amount", false);
		assertThat(amount(raw).args()).containsEntry("amount", true);
	}

	@Test
	void fifteenDigitsAreInRangeAndLeadingZerosDoNotCount() {
		assertThat(count("999999999999999").value()).isEqualByComparingTo("999999999999999");
		assertThat(count("0".repeat(1000) + "7").value()).isEqualByComparingTo("7");
		assertThat(signed("-999999999999999").value()).isEqualByComparingTo("-999999999999999");
		assertThat(amount("999999999999999.9999").value()).isEqualByComparingTo("999999999999999.9999");
		assertThat(amount("0" + "0".repeat(100) + ".5").value()).isEqualByComparingTo("0.5");
	}

	@Test
	void aMillionDigitsAreOutOfRangeAndAMillionDecimalsAreTooManyDecimals() {
		String digits = "9".repeat(1_000_000);
		assertThat(count(digits).problem()).isEqualTo("CELL-RANGE");
		assertThat(amount("1." + digits).problem()).isEqualTo("CELL-DECIMALS");
		assertThat(count("1." + digits).problem()).isEqualTo("CELL-NOT-INTEGER");
		assertThat(count("1." + digits + "万").problem()).isEqualTo("CELL-UNIT");
		assertThat(count("1." + digits + "万").args()).containsEntry("suggestion", "");
		assertThat(amount(digits + "元").problem()).isEqualTo("CELL-RANGE");
	}

}
