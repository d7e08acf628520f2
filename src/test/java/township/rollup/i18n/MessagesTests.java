package township.rollup.i18n;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTests {

	@Test
	void everyKeyExistsInBothLanguages() {
		Set<String> zh = Messages.keys(Language.ZH);
		Set<String> en = Messages.keys(Language.EN);
		Set<String> onlyZh = new TreeSet<>(zh);
		onlyZh.removeAll(en);
		Set<String> onlyEn = new TreeSet<>(en);
		onlyEn.removeAll(zh);
		assertThat(onlyZh).as("keys with no English text").isEmpty();
		assertThat(onlyEn).as("keys with no Chinese text").isEmpty();
	}

	@Test
	void bothLanguagesUseTheSamePlaceholders() {
		Pattern placeholder = Pattern.compile("\\{(\\d+)}");
		for (String key : Messages.keys(Language.ZH)) {
			Set<String> zh = new TreeSet<>();
			Set<String> en = new TreeSet<>();
			Matcher m = placeholder.matcher(Messages.of(Language.ZH).get(key, (Object[]) args(10)));
			Matcher z = placeholder.matcher(raw(Language.ZH, key));
			while (z.find()) {
				zh.add(z.group());
			}
			Matcher e = placeholder.matcher(raw(Language.EN, key));
			while (e.find()) {
				en.add(e.group());
			}
			assertThat(en).as("placeholders of " + key).isEqualTo(zh);
			assertThat(m.find()).as("every placeholder of " + key + " filled").isFalse();
		}
	}

	@Test
	void placeholdersAreFilledLiterally() {
		assertThat(Messages.format("{0} 年度，{1} 个单位，it's {2}", 2020, 40000, new BigDecimal("10.2500")))
			.isEqualTo("2020 年度，40000 个单位，it's 10.25");
		assertThat(Messages.format("{0}", "a$1\\b")).isEqualTo("a$1\\b");
	}

	@Test
	void aMissingKeyOrArgumentFailsLoudly() {
		assertThatThrownBy(() -> Messages.of(Language.EN).get("no.such.key")).hasMessageContaining("no.such.key");
		assertThatThrownBy(() -> Messages.format("{1}", "only one")).hasMessageContaining("argument 1");
	}

	@Test
	void languageCodes() {
		assertThat(Language.of("en", "--lang")).isEqualTo(Language.EN);
		assertThat(Language.of("EN ", "--lang")).isEqualTo(Language.EN);
		assertThat(Language.of("zh", "--lang")).isEqualTo(Language.ZH);
		assertThat(Language.of(null, "--lang")).isEqualTo(Language.ZH);
	}

	@Test
	void anUnknownLanguageIsRefusedNamingTheSettingAndBothChoices() {
		for (String value : new String[] { "fr", "", "zh-CN", "english" }) {
			assertThatThrownBy(() -> Language.of(value, "ROLLUP_LANG")).isInstanceOf(Language.Unknown.class)
				.hasMessageContaining("ROLLUP_LANG")
				.hasMessageContaining("\u201c" + value + "\u201d")
				.hasMessageContaining("\"" + value + "\"")
				.hasMessageContaining("zh（中文）或 en（英文）")
				.hasMessageContaining("zh (Chinese) or en (English)");
		}
	}

	private static String raw(Language language, String key) {
		return java.util.ResourceBundle
			.getBundle(Messages.BUNDLE, language.locale(),
					java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
			.getString(key);
	}

	private static String[] args(int n) {
		String[] a = new String[n];
		for (int i = 0; i < n; i++) {
			a[i] = "x" + i;
		}
		return a;
	}

}
