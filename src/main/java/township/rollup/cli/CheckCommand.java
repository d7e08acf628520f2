package township.rollup.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import township.rollup.TownshipRollupApplication;
import township.rollup.assessment.Assessment;
import township.rollup.assessment.AssessmentContext;
import township.rollup.assessment.SubmissionAssessor;
import township.rollup.assessment.Verdict;
import township.rollup.i18n.Messages;
import township.rollup.ingest.Attribution;
import township.rollup.ingest.Inbox;
import township.rollup.ingest.SubmissionParser;
import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleOverrides;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.rules.YearSettings;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.SubmissionStore;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;
import township.rollup.submission.TextLimits;
import township.rollup.validation.Subject;

/**
 * {@code check FILE…}: what the nightly run would decide about each file, at once and without storing
 * anything. The same reader, rules, registry and year settings as the run; for the cross-year rules the
 * unit's accepted report of the year before, read from the database under the run lock for the few
 * seconds that takes (never for the whole command), or not at all with {@code --offline}.
 *
 * <p>
 * Exit codes: 0 every file would be accepted; 1 at least one would be rejected (or the database could not
 * be read: the message says which); 2 usage or configuration error (a file that does not exist, no
 * report year); 75 a run held the lock for longer than {@code --wait}.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
class CheckCommand implements Callable<Integer> {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CheckCommand.class);

	@Mixin
	GlobalOptions global;

	@Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "help.check.files")
	List<Path> files;

	@Option(names = "--year", paramLabel = "YYYY",
			descriptionKey = "help.check.year")
	Integer year;

	@Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
			descriptionKey = "help.check.format")
	Output output;

	@Option(names = "--offline",
			descriptionKey = "help.check.offline")
	boolean offline;

	@Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
			descriptionKey = "help.check.wait")
	int waitSeconds;

	enum Output {

		TEXT, JSON

	}

	/** How last year's reports were looked up, for the people and machines that read the result. */
	enum PriorSource {

		DATABASE, OFFLINE, NO_DATABASE

	}

	/** One file checked: what was read, for which year and unit, and the verdict with every finding. */
	record Checked(Path path, SourceFile file, Optional<ParsedSubmission> parsed, Integer year, String yearFormat,
			Unit unit, List<Finding> findings, Verdict verdict, boolean priorChecked) {

		long count(Severity severity) {
			return findings.stream().filter(f -> f.severity() == severity).count();
		}

		long openWarnings() {
			return findings.stream().filter(Finding::isOpenWarning).count();
		}

	}

	@Override
	public Integer call() {
		if (year != null && (year < 2008 || year > 2100)) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.year.invalid", year));
		}
		return SpringLauncher.run(global, SpringLauncher.Needs.SETTINGS, context -> {
			RollupProperties settings = context.getBean(RollupProperties.class);
			Messages texts = settings.messages();
			for (Path path : files) {
				if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path)) {
					throw new CommandException(ExitCodes.USAGE, texts.get("check.notFound", path));
				}
			}
			Registry registry = settings.loadRegistry();
			SubmissionParser parser = new SubmissionParser(ReportFormats.standard(),
					new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));
			List<Read> reads = new ArrayList<>();
			for (Path path : files) {
				SourceFile file = Inbox.read(path, SubmissionParser.MAX_BYTES);
				SubmissionParser.Result result = parser.parse(file);
				Integer fileYear = year != null ? year : declaredYear(result);
				Optional<Unit> unit = Attribution.of(file.fileName(),
						result.submission().map(p -> p.meta().unitCode()).orElse(null), registry);
				reads.add(new Read(path, file, result, fileYear, unit.orElse(null)));
			}
			PriorSource source = offline ? PriorSource.OFFLINE : PriorSource.DATABASE;
			Map<String, Optional<Subject.Prior>> priors = new HashMap<>();
			List<Read> needPrior = reads.stream().filter(r -> r.year() != null && r.unit() != null).toList();
			if (!offline && !needPrior.isEmpty()) {
				source = readPriors(context.getEnvironment(), settings, texts, needPrior, priors);
			}
			List<Checked> checked = new ArrayList<>();
			for (Read read : reads) {
				checked.add(check(read, settings, registry, priors, source));
			}
			boolean accepted = checked.stream().allMatch(c -> c.verdict() == Verdict.ACCEPTED);
			int exit = accepted ? ExitCodes.OK : ExitCodes.FAILED;
			if (output == Output.JSON) {
				Console.OUT.println(json(checked, source, accepted, exit, texts.language()));
			}
			else {
				print(checked, source, accepted, texts);
			}
			return exit;
		});
	}

	/** A file read, before the verdict. */
	record Read(Path path, SourceFile file, SubmissionParser.Result result, Integer year, Unit unit) {
	}

	private static Integer declaredYear(SubmissionParser.Result result) {
		String written = result.submission().map(p -> p.meta().year()).orElse(null);
		if (written == null) {
			return null;
		}
		String digits = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC).strip()
			.replaceFirst("年$", "");
		if (!digits.matches("\\d{4}")) {
			return null;
		}
		int value = Integer.parseInt(digits);
		return value >= 2008 && value <= 2100 ? value : null;
	}

	/** The verdict on one file, as the nightly run's assess step makes it. */
	private static Checked check(Read read, RollupProperties settings, Registry registry,
			Map<String, Optional<Subject.Prior>> priors, PriorSource source) {
		SubmissionParser.Result result = read.result();
		if (!Inbox.isSubmission(read.file().fileName())) {
			// as in the nightly: a PDF or a picture is no unit's report, whatever its name says, and is not read
			SubmissionAssessor assessor = new SubmissionAssessor(ReportFormats.standard(),
					new FindingFactory(RuleCatalogue.standard(), RuleOverrides.none()));
			return new Checked(read.path(), read.file(), Optional.empty(), read.year(), null, null,
					List.of(assessor.withoutUnit(read.file().fileName())), Verdict.REJECTED, false);
		}
		if (read.year() == null) {
			// without a year there is no year's format or rules to assess by: the reading findings say why
			return new Checked(read.path(), read.file(), result.submission(), null, null, read.unit(),
					sorted(result.findings()), Verdict.REJECTED, false);
		}
		YearSettings yearSettings = settings.loadYearSettings(read.year());
		FindingFactory findings = new FindingFactory(RuleCatalogue.standard(), yearSettings.overrides());
		SubmissionAssessor assessor = new SubmissionAssessor(ReportFormats.standard(), findings);
		if (read.unit() == null) {
			List<Finding> all = new ArrayList<>(result.findings());
			all.add(assessor.withoutUnit(read.file().fileName()));
			return new Checked(read.path(), read.file(), result.submission(), read.year(), yearSettings.formatId(), null,
					sorted(all), Verdict.REJECTED, false);
		}
		Subject.Prior prior = null;
		if (source != PriorSource.OFFLINE) {
			String priorFormat = settings.loadYearSettings(read.year() - 1).formatId();
			prior = priors.getOrDefault(key(read.year() - 1, read.unit().code()), Optional.empty())
				.orElse(Subject.Prior.missing(read.year() - 1, priorFormat));
		}
		SourceFile file = read.file();
		Assessment assessment = assessor.assessFile(
				new SubmissionAssessor.FileRef(file.fileName(), file.sizeBytes(), file.sha256()), result.submission(),
				result.findings(), new AssessmentContext(read.year(), yearSettings.formatId(), registry, read.unit(), prior));
		List<Finding> all = new ArrayList<>(result.findings());
		all.addAll(assessment.findings());
		return new Checked(read.path(), read.file(), result.submission(), read.year(), yearSettings.formatId(),
				read.unit(), sorted(all), assessment.verdict(), prior != null);
	}

	/** Errors first, then warnings, then notices; in file order within each. */
	private static List<Finding> sorted(List<Finding> findings) {
		return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
	}

	private static String key(int year, String unitCode) {
		return year + "/" + unitCode;
	}

	/**
	 * Reads last year's accepted reports of every unit checked, in one short session: the run lock is
	 * taken (waiting up to {@code --wait} for a running job), the database opened without migrating it,
	 * read, closed, and the lock given back before anything is assessed or printed.
	 */
	private PriorSource readPriors(Environment environment, RollupProperties settings, Messages texts,
			List<Read> reads, Map<String, Optional<Subject.Prior>> priors) {
		if (embeddedDatabaseMissing(environment)) {
			// no run has ever stored anything here: there is no accepted report of any year
			return PriorSource.NO_DATABASE;
		}
		lockWaiting(settings.lockFile(), Duration.ofSeconds(Math.max(0, waitSeconds)), texts);
		long locked = System.nanoTime();
		try {
			List<String> args = new ArrayList<>(global.springArguments());
			// check changes nothing, not even the schema; an outdated schema is the nightly run's to migrate
			args.add("--spring.flyway.enabled=false");
			SpringApplication app = new SpringApplication(TownshipRollupApplication.class);
			try (ConfigurableApplicationContext database = app.run(args.toArray(String[]::new))) {
				Optional<PriorReports> store = fromStore(database);
				if (store.isEmpty()) {
					return PriorSource.NO_DATABASE;
				}
				PriorReports reports = store.get();
				for (Read read : reads) {
					priors.computeIfAbsent(key(read.year() - 1, read.unit().code()),
							k -> reports.priorOf(read.year() - 1, read.unit().code()));
				}
			}
			catch (RuntimeException ex) {
				throw new CommandException(ExitCodes.FAILED,
						texts.get("check.databaseFailed", SpringLauncher.rootMessage(ex)));
			}
		}
		finally {
			RunLock.release();
			log.info("check held the run lock for {} ms to read {} units' reports of the year before",
					Duration.ofNanos(System.nanoTime() - locked).toMillis(), reads.size());
		}
		return PriorSource.DATABASE;
	}

	/**
	 * The one place {@code check} reads the store: the unit's latest accepted version of the year and the
	 * cells stored for its file; empty when the database has no schema yet (no run ever used it, and
	 * check does not create one). Re-point this when the database layer changes.
	 */
	static Optional<PriorReports> fromStore(ApplicationContext context) {
		try (var connection = context.getBean(javax.sql.DataSource.class).getConnection();
				var tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			boolean schema = false;
			while (tables.next()) {
				schema |= "submission".equalsIgnoreCase(tables.getString("TABLE_NAME"));
			}
			if (!schema) {
				return Optional.empty();
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		SubmissionStore submissions = context.getBean(SubmissionStore.class);
		ReceivedFileStore files = context.getBean(ReceivedFileStore.class);
		return Optional.of((year, unitCode) -> submissions.latestAccepted(year, unitCode)
			.flatMap(version -> files.load(version.receivedFileId()).parsed())
			.map(parsed -> new Subject.Prior(year, parsed.formatId(), parsed.numbers())));
	}

	/** The embedded database's files do not exist yet (HSQLDB creates them on first connection). */
	private static boolean embeddedDatabaseMissing(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		String prefix = "jdbc:hsqldb:file:";
		if (!url.startsWith(prefix)) {
			return false;
		}
		String path = url.substring(prefix.length()).split(";", 2)[0];
		return !Files.exists(Path.of(path + ".properties")) && !Files.exists(Path.of(path + ".script"));
	}

	private static void lockWaiting(Path lockFile, Duration wait, Messages texts) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			try {
				RunLock.acquire(lockFile);
				return;
			}
			catch (CommandException ex) {
				RunLock.release();
				if (ex.exitCode() != ExitCodes.LOCKED || RunLock.portalHolding(lockFile) != null) {
					// the portal holds the database for its whole life: waiting would not help
					throw ex;
				}
				if (System.nanoTime() >= deadline) {
					throw new CommandException(ExitCodes.LOCKED, texts.get("check.locked", lockFile, wait.toSeconds()));
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CommandException(ExitCodes.LOCKED, texts.get("check.locked", lockFile, wait.toSeconds()));
			}
		}
	}

	private static void print(List<Checked> checked, PriorSource source, boolean accepted, Messages texts) {
		for (Checked c : checked) {
			Console.OUT.println(texts.get("check.file", TextLimits.name(c.path().toString(), Integer.MAX_VALUE, TextLimits.Marker.NEUTRAL)));
			String format = c.parsed().map(ParsedSubmission::formatId).orElse(null);
			Console.OUT.println("  " + texts.get("check.read",
					c.unit() == null ? texts.get("check.unknown") : texts.get("check.unit", c.unit().name(), c.unit().code()),
					c.year() == null ? texts.get("check.unknown") : c.year(),
					format == null ? texts.get("check.unknown") : format,
					c.parsed().map(ParsedSubmission::encoding).orElse(texts.get("check.unknown"))));
			if (c.year() == null) {
				Console.OUT.println("  " + texts.get("check.noYear"));
			}
			for (Finding f : c.findings()) {
				Console.OUT.println("  " + line(f, texts));
			}
			Console.OUT.println("  " + texts.get(c.verdict() == Verdict.ACCEPTED ? "check.accepted" : "check.rejected",
					c.count(Severity.ERROR), c.count(Severity.WARNING), c.openWarnings(), c.count(Severity.INFO)));
		}
		Console.OUT.println(texts.get(switch (source) {
			case DATABASE -> "check.prior.database";
			case OFFLINE -> "check.prior.offline";
			case NO_DATABASE -> "check.prior.none";
		}));
		long rejected = checked.stream().filter(c -> c.verdict() != Verdict.ACCEPTED).count();
		Console.OUT.println(accepted ? texts.get("check.summary.accepted", checked.size())
				: texts.get("check.summary.rejected", checked.size(), rejected));
	}

	/** {@code [错误] CELL-TEXT 表二!C5：message}: the cell's address, else the line, then the message. */
	static String line(Finding f, Messages texts) {
		String place = f.where().address() != null ? f.where().address()
				: f.where().line() != null ? texts.get("check.line", f.where().line()) : null;
		String severity = texts.get("check.severity." + f.severity().name());
		String message = f.message(texts.language());
		String explained = f.explanation() == null ? "" : texts.get("check.explained", f.explanation());
		return place == null ? texts.get("check.finding", severity, f.ruleId(), message, explained)
				: texts.get("check.findingAt", severity, f.ruleId(), place, message, explained);
	}

	private static String json(List<Checked> checked, PriorSource source, boolean accepted, int exit,
			township.rollup.i18n.Language language) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("accepted", accepted);
		root.put("exitCode", exit);
		root.put("priorReports", source.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		List<Object> list = new ArrayList<>();
		for (Checked c : checked) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("file", c.path().toString());
			file.put("fileName", c.file().fileName());
			file.put("sizeBytes", c.file().sizeBytes());
			file.put("sha256", c.file().sha256());
			file.put("encoding", c.parsed().map(ParsedSubmission::encoding).orElse(null));
			file.put("year", c.year());
			file.put("yearFormat", c.yearFormat());
			file.put("format", c.parsed().map(ParsedSubmission::formatId).orElse(null));
			file.put("unit", c.unit() == null ? null : Map.of("code", c.unit().code(), "name", c.unit().name()));
			file.put("verdict", c.verdict().name());
			file.put("accepted", c.verdict() == Verdict.ACCEPTED);
			file.put("priorChecked", c.priorChecked());
			file.put("errors", c.count(Severity.ERROR));
			file.put("warnings", c.count(Severity.WARNING));
			file.put("openWarnings", c.openWarnings());
			file.put("infos", c.count(Severity.INFO));
			List<Object> findings = new ArrayList<>();
			for (Finding f : c.findings()) {
				Map<String, Object> item = new LinkedHashMap<>();
				Where w = f.where();
				item.put("rule", f.ruleId());
				item.put("severity", f.severity().name());
				item.put("line", w.line());
				item.put("address", w.address());
				item.put("table", w.tableCode());
				item.put("rowCode", w.rowCode());
				item.put("row", w.rowLabel());
				item.put("columnCode", w.columnCode());
				item.put("column", w.columnLabel());
				item.put("cell", w.cellCode());
				item.put("expected", f.expected());
				item.put("actual", f.actual());
				item.put("delta", f.delta());
				item.put("message", f.message(language));
				item.put("messageZh", f.messageZh());
				item.put("messageEn", f.messageEn());
				item.put("explanation", f.explanation());
				findings.add(item);
			}
			file.put("findings", findings);
			list.add(file);
		}
		root.put("files", list);
		return JsonMapper.builder()
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsString(root);
	}

}
