package township.rollup.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.reportformat.TableDef;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "規章|规章", "本年製發件數|本年制发件数", "行政規範性文件|行政规范性文件",
			"本年收費金額（單位：萬元）|本年收费金额（单位：万元）", "2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
			"四、政府信息公開行政復議、行政訴訟情況|四、政府信息公开行政复议、行政诉讼情况", "4.無正當理由大量反覆申請|4.无正当理由大量反复申请",
			"復議後起訴|复议后起诉", "(本列數據的勾稽關係為:第一項加第二項之和，等於第三項加第四項之和)|（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" })
	void aTraditionalLabelComparesEqualToTheOfficialOne(String traditional, String official) {
		assertThat(LabelText.key(traditional)).isEqualTo(LabelText.key(official));
	}

	@Test
	void everyOfficialLabelIsItsOwnSimplifiedForm() {
		// the mapping must never change a Simplified character of an official label
		for (ReportFormat format : ReportFormats.standard().all()) {
			for (TableDef table : format.tables()) {
				for (String label : Vocabulary.labels(table)) {
					assertThat(LabelText.toSimplified(label)).as(label).isEqualTo(label);
				}
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "(一) 予以公开|一予以公开", "（一）予以公开|一予以公开", "规 章 |规章",
			"采购总金额(单位:万元,保留4位小数)|采购总金额单位万元保留4位小数" })
	void widthPunctuationAndSpacesDoNotCount(String written, String key) {
		assertThat(LabelText.key(written)).isEqualTo(key);
	}

	@Test
	void aTrailingNoteInBracketsIsTheOnlyThingTheCoreDrops() {
		assertThat(LabelText.coreKey("采购总金额(单位:万元,保留4位小数)")).isEqualTo("采购总金额");
		assertThat(LabelText.coreKey("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).isEqualTo("二部分公开");
		assertThat(LabelText.coreKey("(一) 予以公开")).isEmpty();
		assertThat(LabelText.coreKey("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")).isEmpty();
	}

}
