package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Show the status board of a year: every registered township, accepted, rejected or "
				+ "missing, from the last run. 显示各单位报送状态。" })
class StatusCommand implements Callable<Integer> {

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE,
				context -> context.getBean(StatusPrinter.class).print(year.year));
	}

}
