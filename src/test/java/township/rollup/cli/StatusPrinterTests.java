package township.rollup.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.board.Board;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's {@code status} table: a unit without a file is missing until the year's deadline and late
 * after it, as the pages' boards say (the board of {@link RunSummaryTests#lines()}). No version is looked
 * up here, so the version and file columns are empty. Expected lines written by hand, columns counted
 * by display width (a Chinese character is two).
 */
class StatusPrinterTests {

	@Test
	void aUnitWithoutAFileIsLateAfterTheDeadline(@TempDir Path dir) throws Exception {
		Registry registry = Registry.load(
				Files.writeString(dir.resolve("units.csv"), RunSummaryTests.UNITS, StandardCharsets.UTF_8));
		Board after = Board.of(registry, RunSummaryTests.lines(), RunSummaryTests.deadline("2021-03-31T09:00:01Z"));

		assertThat(StatusPrinter.table(Messages.of(Language.EN), after, id -> Optional.empty())).containsExactly(
				"unit code     name  status         ver  errors  warnings  file",
				"410300101000  甲镇  accepted                 0         1  ",
				"410300102000  乙镇  failed review            2         0  ",
				"410300103000  丙乡  late                     0         0  ");
		assertThat(StatusPrinter.table(Messages.of(Language.ZH), after, id -> Optional.empty()))
			.last()
			.asString()
			.startsWith("410300103000  丙乡      逾期未报送  ");
	}

	@Test
	void beforeTheDeadlineItIsMissing(@TempDir Path dir) throws Exception {
		Registry registry = Registry.load(
				Files.writeString(dir.resolve("units.csv"), RunSummaryTests.UNITS, StandardCharsets.UTF_8));
		Board before = Board.of(registry, RunSummaryTests.lines(), RunSummaryTests.deadline("2021-03-31T09:00:00Z"));

		assertThat(StatusPrinter.table(Messages.of(Language.EN), before, id -> Optional.empty()))
			.last()
			.isEqualTo("410300103000  丙乡  missing                  0         0  ");
	}

}
