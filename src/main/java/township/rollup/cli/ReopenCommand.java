package township.rollup.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.i18n.Messages;

@Command(name = "reopen", mixinStandardHelpOptions = true)
class ReopenCommand implements Callable<Integer> {

	static final int MAX_REASON = YearReopening.MAX_REASON;

	static final int MAX_ACTOR = YearReopening.MAX_ACTOR;

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "help.reopen.reason")
	String reason;

	@Option(names = "--by", paramLabel = "NAME", descriptionKey = "help.reopen.by")
	String by;

	@Override
	public Integer call() {
		if (reason.isBlank()) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.reopen.reason-empty"));
		}
		if (reason.length() > MAX_REASON || (by != null && by.length() > MAX_ACTOR)) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.reopen.too-long", MAX_REASON, MAX_ACTOR));
		}
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, context -> {
			Messages t = context.getBean(RollupProperties.class).messages();
			String actor = by != null ? by : System.getProperty("user.name");
			YearReopening.Outcome outcome = context.getBean(YearReopening.class).reopen(year.year, actor, reason);
			if (!(outcome instanceof YearReopening.Outcome.Reopened done)) {
				throw new CommandException(ExitCodes.USAGE, t.get("cli.reopen.not-final", year.year));
			}
			Console.OUT.println(t.get("cli.reopen.done", year.year, String.valueOf(actor), reason));
			if (done.manifestError() != null) {
				Console.ERR.println(t.get("cli.reopen.manifest-failed", done.manifest(), done.manifestError()));
			}
			if (done.publishError() == null) {
				Console.OUT.println(t.get("cli.reopen.published", done.dir()));
			}
			else {
				Console.ERR.println(t.get("cli.reopen.publish-failed", done.publishError()));
			}
			return ExitCodes.OK;
		});
	}

}
