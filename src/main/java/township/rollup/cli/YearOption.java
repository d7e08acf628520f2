package township.rollup.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --year}: the report year (报告年度), the year the reports are about. */
public class YearOption {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	int year;

	@Option(names = "--year", required = true, paramLabel = "YYYY",
			descriptionKey = "help.option.year")
	void setYear(int year) {
		// 2008: the 政府信息公开条例 took effect; reports before it do not exist
		if (year < 2008 || year > 2100) {
			throw new ParameterException(spec.commandLine(),
					AnyLanguage.text("cli.any.year.invalid", year));
		}
		this.year = year;
	}

}
