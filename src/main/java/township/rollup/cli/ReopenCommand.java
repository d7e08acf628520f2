package township.rollup.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.store.YearStateStore;

@Command(name = "reopen", mixinStandardHelpOptions = true,
		description = { "Unfreeze a finalized year so that runs may change it again, recording who, when and why. "
				+ "重新打开已定稿的年度。" })
class ReopenCommand implements Callable<Integer> {

	/** What the year's log keeps of a reason and a name (its columns are wider). */
	static final int MAX_REASON = 1000;

	static final int MAX_ACTOR = 100;

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the year is reopened (recorded).")
	String reason;

	@Option(names = "--by", paramLabel = "NAME", description = "Who reopens it (recorded); default the login name.")
	String by;

	@Override
	public Integer call() {
		if (reason.isBlank()) {
			throw new CommandException(ExitCodes.USAGE, "--reason 不能为空 / --reason must not be empty");
		}
		if (reason.length() > MAX_REASON || (by != null && by.length() > MAX_ACTOR)) {
			throw new CommandException(ExitCodes.USAGE, "--reason 最多 " + MAX_REASON + " 个字，--by 最多 " + MAX_ACTOR
					+ " 个字 / --reason takes at most " + MAX_REASON + " characters, --by at most " + MAX_ACTOR);
		}
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, context -> {
			YearStateStore years = context.getBean(YearStateStore.class);
			Texts t = new Texts(context.getBean(RollupProperties.class).english());
			if (!years.isFinal(year.year)) {
				throw new CommandException(ExitCodes.USAGE,
						t.t(year.year + " 年度没有定稿，无需重新打开。", year.year + " is not finalized; there is nothing to reopen."));
			}
			String actor = by != null ? by : System.getProperty("user.name");
			years.reopen(year.year, actor, reason, context.getBean(Clock.class).instant());
			Console.OUT.println(t.t(year.year + " 年度已重新打开（" + actor + "：" + reason + "）。下次运行将按当前文件重新汇总。",
					year.year + " is open again (" + actor + ": " + reason + "). The next run consolidates the current files."));
			return ExitCodes.OK;
		});
	}

}
