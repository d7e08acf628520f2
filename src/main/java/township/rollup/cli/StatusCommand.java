package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true)
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
