package township.rollup.cli;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.store.FindingStore;

import static org.assertj.core.api.Assertions.assertThat;

/** What the run summary makes of a failure for lack of memory, and of findings that are one rule on every file. */
class RunSummaryTests {

	@Test
	void aFailureForLackOfMemoryIsToldFromAnyDepthOfCauses() {
		assertThat(RunSummary.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
		assertThat(RunSummary.outOfMemory(new IllegalStateException("step failed",
				new RuntimeException(new OutOfMemoryError("Java heap space"))))).isTrue();
		assertThat(RunSummary.outOfMemory(new IllegalStateException("disk full"))).isFalse();
	}

	@Test
	void theMemoryMessageNamesTheHeapAndHowToRaiseIt() {
		for (Language language : Language.values()) {
			String text = Messages.of(language).get("cli.summary.out-of-memory", 455);
			assertThat(text).as(language.name()).contains("455 MB").contains("JAVA_OPTS=-Xmx2g");
			assertThat(text).isNotEqualTo(Messages.of(language).get("cli.summary.resume"));
		}
	}

	@Test
	void oneRuleOnEveryFileIsNamedWithItsFilesAndFindings() {
		// given 12 files, each with 3 ROW-LABEL (from reading) and one other warning, and infos
		RunSummary.RuleSpread spread = new RunSummary.RuleSpread();
		for (int file = 0; file < 12; file++) {
			String unit = String.format("4103810%02d000", file);
			for (int i = 0; i < 3; i++) {
				spread.add(owned(unit, "f" + file + ".csv", "ROW-LABEL", Severity.WARNING));
			}
			spread.add(owned(unit, "f" + file + ".csv", "T2-TOWN-REG", Severity.WARNING));
			spread.add(owned(unit, "f" + file + ".csv", "X-JUMP", Severity.INFO));
		}

		// then ROW-LABEL is named, with its 12 files and 36 findings
		assertThat(spread.dominant(48)).contains(new RunSummary.RuleSpread.Spread("ROW-LABEL", 12, 36));
		// but not when it is not most of the findings
		assertThat(spread.dominant(72)).isEqualTo(Optional.empty());
	}

	@Test
	void aRuleOnAFewFilesIsNotATemplateProblem() {
		RunSummary.RuleSpread spread = new RunSummary.RuleSpread();
		for (int file = 0; file < RunSummary.DOMINANT_FILES - 1; file++) {
			for (int i = 0; i < 30; i++) {
				spread.add(owned("410381001000", "f" + file + ".csv", "ROW-LABEL", Severity.WARNING));
			}
		}
		assertThat(spread.dominant(30L * (RunSummary.DOMINANT_FILES - 1))).isEmpty();
	}

	private static FindingStore.Owned owned(String unit, String file, String rule, Severity severity) {
		return new FindingStore.Owned(unit, new Finding(rule, severity, Where.file(file), null, null, null, "m", "m"));
	}

}
