package township.rollup.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import township.rollup.registry.Unit;
import township.rollup.rules.Finding;
import township.rollup.store.FindingStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.YearStateStore;

@Command(name = "history", mixinStandardHelpOptions = true,
		description = { "Every version a township submitted for a year: when, which file, its SHA-256, the verdict "
				+ "and findings, and when it was superseded; and the year's finalize/reopen log. 报送历史。" })
class HistoryCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	@Mixin
	YearOption year;

	@Mixin
	GlobalOptions global;

	@Option(names = "--township", required = true, paramLabel = "CODE|NAME",
			description = "The township's 12-digit code or registered name.")
	String township;

	@Option(names = "--findings", description = "List each version's findings too.")
	boolean withFindings;

	@Override
	public Integer call() {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			Texts t = new Texts(settings.english());
			Unit unit = settings.loadRegistry()
				.find(township)
				.orElseThrow(() -> new CommandException(ExitCodes.USAGE,
						t.t("登记表中没有单位 ", "No unit in the registry: ") + township));
			SubmissionStore submissions = context.getBean(SubmissionStore.class);
			FindingStore findings = context.getBean(FindingStore.class);
			List<SubmissionStore.Version> versions = submissions.history(year.year, unit.code());
			Console.OUT.println(t.t(unit.name() + "（" + unit.code() + "）" + year.year + " 年度报送历史：共 " + versions.size()
					+ " 个版本", unit.name() + " (" + unit.code() + ") " + year.year + ": " + versions.size() + " versions"));
			for (SubmissionStore.Version v : versions) {
				String state = v.isCurrent() ? t.t("当前", "current")
						: t.t("已被取代（", "superseded (") + TIME.format(v.supersededAt()) + t.t("）", ")");
				Console.OUT.println(String.format("  v%d  %s  %s  %s", v.version(),
						t.english() ? v.status().name().toLowerCase() : v.status().zh(), state,
						t.t("收到于 ", "received ") + TIME.format(v.createdAt())));
				Console.OUT.println("      " + t.t("文件：", "file: ") + v.fileName() + "  " + v.sizeBytes()
						+ t.t(" 字节  ", " bytes  ") + (v.encoding() == null ? "" : v.encoding()));
				Console.OUT.println("      SHA-256: " + v.sha256());
				Console.OUT.println("      " + t.t("错误 " + v.errorCount() + "，警告 " + v.warningCount() + "（未说明 "
						+ v.openWarningCount() + "）", v.errorCount() + " errors, " + v.warningCount() + " warnings ("
								+ v.openWarningCount() + " unexplained)"));
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
				Console.OUT.println(t.t("  年度记录：", "  year log: ") + TIME.format(e.occurredAt()) + "  " + e.event() + "  "
						+ e.actor() + (e.reason() == null ? "" : "  " + e.reason()));
			}
			return ExitCodes.OK;
		});
	}

}
