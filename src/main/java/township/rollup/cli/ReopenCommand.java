package township.rollup.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import township.rollup.i18n.Messages;
import township.rollup.output.ReportPublisher;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.YearStateStore;

@Command(name = "reopen", mixinStandardHelpOptions = true)
class ReopenCommand implements Callable<Integer> {

	/** What the year's log keeps of a reason and a name (its columns are wider). */
	static final int MAX_REASON = 1000;

	static final int MAX_ACTOR = 100;

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
			YearStateStore years = context.getBean(YearStateStore.class);
			Messages t = context.getBean(RollupProperties.class).messages();
			if (!years.isFinal(year.year)) {
				throw new CommandException(ExitCodes.USAGE, t.get("cli.reopen.not-final", year.year));
			}
			String actor = by != null ? by : System.getProperty("user.name");
			// the year's state and its reports' stage together: no later run (even an ingest, which does not
			// roll up) may publish the year's figures as final once it is open
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
				years.reopen(year.year, actor, reason, context.getBean(Clock.class).instant());
				context.getBean(ConsolidatedStore.class).setStage(year.year, "NIGHTLY");
			});
			Console.OUT.println(t.get("cli.reopen.done", year.year, String.valueOf(actor), reason));
			RollupProperties settings = context.getBean(RollupProperties.class);
			ReportPublisher publisher = context.getBean(ReportPublisher.class);
			// files after the commit, as the finalizing run does: the database decides, and every publishing
			// run of an open year removes a manifest this command could not
			Path manifest = settings.outputDir().resolve(String.valueOf(year.year)).resolve(ReportPublisher.MANIFEST_FILE);
			try {
				publisher.retractManifest(year.year, settings.outputDir());
			}
			catch (RuntimeException ex) {
				Console.ERR.println(t.get("cli.reopen.manifest-failed", manifest, SpringLauncher.rootMessage(ex)));
			}
			// report.html, the workbook and the report files said 定稿 FINAL: written again from the database
			try {
				publisher.publish(year.year, settings.loadRegistry(), settings.outputDir());
				Console.OUT.println(t.get("cli.reopen.published", settings.outputDir().resolve(String.valueOf(year.year))));
			}
			catch (RuntimeException ex) {
				Console.ERR.println(t.get("cli.reopen.publish-failed", SpringLauncher.rootMessage(ex)));
			}
			return ExitCodes.OK;
		});
	}

}
