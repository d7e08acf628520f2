package township.rollup.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.store.FindingStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

@Command(name = "history", mixinStandardHelpOptions = true)
class HistoryCommand implements Callable<Integer> {

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Option(names = "--township", required = true, paramLabel = "CODE|NAME",
			descriptionKey = "help.history.township")
	String township;

	@Option(names = "--findings", descriptionKey = "help.history.findings")
	boolean withFindings;

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			Messages t = settings.messages();
			Unit unit = settings.loadRegistry()
				.find(township)
				.orElseThrow(() -> new CommandException(ExitCodes.USAGE, t.get("cli.history.no-unit", township)));
			SubmissionStore submissions = context.getBean(SubmissionStore.class);
			FindingStore findings = context.getBean(FindingStore.class);
			List<SubmissionStore.Version> versions = submissions.history(year.year, unit.code());
			OfficeTime times = settings.times();
			Console.OUT.println(t.get("cli.history.title", unit.name(), unit.code(), year.year, versions.size()));
			Console.OUT.println(t.get("cli.history.time-zone", times.note(t)));
			for (SubmissionStore.Version v : versions) {
				String state = v.isCurrent() ? t.get("cli.history.current")
						: t.get("cli.history.superseded", times.format(v.supersededAt()));
				Console.OUT.println(String.format("  v%d  %s  %s  %s", v.version(),
						t.get(v.status().key()), state,
						t.get("cli.history.received", times.format(v.createdAt()))));
				Console.OUT.println(t.get("cli.history.file", String.valueOf(v.fileName()), v.sizeBytes(),
						v.encoding() == null ? "" : v.encoding()));
				Console.OUT.println("      SHA-256: " + v.sha256());
				Console.OUT.println(t.get("cli.history.counts", v.errorCount(), v.warningCount(), v.openWarningCount()));
				if (withFindings) {
					for (Finding f : findings.ofFile(v.receivedFileId())) {
						Console.OUT.println("        " + RunSummary.line(t, new FindingStore.Owned(unit.code(), f)));
					}
					for (Finding f : findings.ofSubmission(v.id())) {
						Console.OUT.println("        " + RunSummary.line(t, new FindingStore.Owned(unit.code(), f)));
					}
				}
			}
			for (YearStateStore.Event e : context.getBean(YearStateStore.class).events(year.year)) {
				Console.OUT.println(t.get("cli.history.event", times.format(e.occurredAt()), String.valueOf(e.event()),
						String.valueOf(e.actor()), e.reason() == null ? "" : "  " + e.reason()));
			}
			return ExitCodes.OK;
		});
	}

}
