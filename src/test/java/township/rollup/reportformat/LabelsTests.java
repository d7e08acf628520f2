package township.rollup.reportformat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels compare equal after what Excel, WPS and copy-paste do to them, and only then. */
class LabelsTests {

	@ParameterizedTest(name = "[{index}] {0} ~ {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"（一）予以公开|(一)予以公开",
			"（二）部分公开（区分处理的，只计这一情形，不计其他情形）|(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
			"本年收费金额（单位：万元）|本年收费金额(单位:万元)",
			"3.危及“三安全一稳定”|`3.危及\"三安全一稳定\"`",
			"3.危及“三安全一稳定”|3.危及三安全一稳定",
			"`  行政许可 `|行政许可",
			"行政　许可|行政许可",
			"商业企业|`商业\n企业`",
			"`结果\t维持`|结果维持",
			"1.属于国家秘密|1．属于国家秘密",
			"（七）总计|（七）总计" })
	void variantsOfOneLabelCompareEqual(String official, String written) {
		// when
		String a = Labels.normalize(official);
		String b = Labels.normalize(written);

		// then
		assertThat(a).isEqualTo(b);
	}

	@ParameterizedTest(name = "[{index}] {0} ≁ {1}")
	@CsvSource(delimiter = '|', value = {
			"规范性文件|行政规范性文件",
			"结果维持|结果纠正",
			"2.重复申请|3.重复申请",
			"（一）予以公开|（二）予以公开",
			"本年新制作数量|本年新公开数量" })
	void differentWordsDoNotCompareEqual(String one, String other) {
		// when
		String a = Labels.normalize(one);
		String b = Labels.normalize(other);

		// then
		assertThat(a).isNotEqualTo(b);
	}

	@Test
	void normalizationKeepsTheWordsAndDropsOnlyPunctuationAndSpace() {
		// when
		String normalized = Labels.normalize("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");

		// then
		assertThat(normalized).isEqualTo("二部分公开区分处理的只计这一情形不计其他情形");
		assertThat(Labels.normalize(null)).isEmpty();
	}

}
