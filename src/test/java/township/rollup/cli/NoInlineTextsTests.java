package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import township.rollup.board.UnitStatus;
import township.rollup.i18n.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads comes from the message catalogue ({@code i18n/messages_*.properties}) or, for a
 * finding, from its rule's data; never from a literal in the code. Scans the sources of every room: string
 * literals outside comments must hold no Chinese and no English sentence, no code may choose between two
 * literals by the language, picocli's annotations carry no help text (it is in the catalogue too), and every
 * catalogue key written in the code must exist.
 *
 * <p>
 * What is allowed is listed below with its reason: words that are read, not printed (the official form's
 * labels, a published report's vocabulary), and the texts not yet moved, each named so that it can be.
 */
class NoInlineTextsTests {

	static final Path SOURCES = Path.of("src/main/java/township/rollup");

	/**
	 * Files whose Chinese literals are allowed, with how many there are (a new one fails the test until it
	 * is looked at) and why. Nothing printed belongs here, except under NOT YET MOVED.
	 */
	static final Map<String, Allowed> CHINESE = Map.ofEntries(
			allowed("cli/CheckCommand.java", 1, "reads the 报告年度 a file states (2020年): input, not output"),
			allowed("cli/RunSummary.java", 1,
					"whether the catalogue's words for a kind of unit end in a closing bracket, choosing the .tight text"),
			allowed("ingest/IdentityCheck.java", 1, "reads the 报告年度 a file states (2020年): input"),
			allowed("ingest/CellParser.java", 8, "the units and not-applicable markers townships write in cells: input"),
			allowed("registry/Unit.java", 20, "the kinds a registry writes (乡, 镇, 街道, 县级市…): input vocabulary"),
			allowed("rules/Scope.java", 6, "the scope words rule files write: the rule data's vocabulary, not shown"),
			allowed("importer/ColumnText.java", 2, "the column headings of published reports: input vocabulary"),
			allowed("importer/ImportRecordCsv.java", 9, "the import record's column headings in the template's words"),
			allowed("importer/LabelText.java", 6, "label variants of published reports: input vocabulary"),
			allowed("importer/NarrativeReader.java", 14, "the phrases of a published report's 总体情况: input vocabulary"),
			allowed("importer/Placement.java", 1, "a published report's vocabulary: input"),
			allowed("importer/PublishedReportImporter.java", 1, "a published report's vocabulary: input"),
			allowed("importer/RowIndex.java", 1, "a published report's vocabulary: input"),
			allowed("importer/Section.java", 7, "the section titles of published reports: input vocabulary"),
			allowed("importer/ValueText.java", 2, "how published reports write values: input vocabulary"),
			allowed("importer/Vocabulary.java", 4, "a published report's vocabulary: input"),
			allowed("generate/Generator.java", 28, "test data: the names and files a township would write"),
			allowed("ingest/SubmissionParser.java", 5,
					"the 总体情况 section's words (the official form's), the list separator 、"),
			allowed("reportformat/OfficialLayout.java", 6,
					"the official form's own labels and the patterns of its group labels, the same in every language"),
			allowed("reportformat/WorkbookFormat.java", 4, "the template's META labels, which the reader reads back"),
			allowed("output/workbook/ReportWorkbook.java", 1, "the font name 宋体, not a text"),
			allowed("output/SubmissionCsvWriter.java", 3,
					"the CSV's own column headings (代码, 项目, 填报内容), which the reader skips; the tables' headers are OfficialLayout's"),
			allowed("output/FindingsCsv.java", 17, "findings.csv's bilingual column headings, a file format"),
			allowed("output/StatusCsv.java", 15, "status.csv's bilingual column headings, a file format"),
			allowed("output/ManifestCsv.java", 3, "manifest.csv's bilingual column headings, a file format"),
			allowed("board/Board.java", 1, "the list separator 、 of names in a finding's argument"),
			allowed("batch/AssessProcessor.java", 1, "the list separator 、 of names in a finding's argument"),
			allowed("rules/Explanations.java", 1, "the separator ； joining a township's explanations of one rule"),
			allowed("rules/YearSettings.java", 1, "the separator ； joining the reasons of a rule's overrides"));

	/** Files whose English sentences are allowed, and why. */
	static final Map<String, String> ENGLISH = Map.of("rules/RuleReference.java",
			"writes docs/rules.md, the repository's English reference for developers (RuleReferenceDocumentTests)",
			"rollup/TotalsCheck.java", "a BUG report (totals that break identities every contribution passed): for developers");

	/**
	 * Where an English sentence is for developers, not people: the log, and exceptions that only a bug or a
	 * failing disk raises (the summary prints their message under a catalogue text).
	 */
	static final Pattern FOR_DEVELOPERS = Pattern.compile(
			"(?:\\blog\\.\\w+|new (?:IllegalStateException|IllegalArgumentException|UncheckedIOException|AssertionError"
					+ "|IOException))\\s*\\([^;{}]*$");

	/** Three words in a row, one at least in lower case: a sentence, not a code, a key or a file name. */
	static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]+ [a-z]+ [a-z]+\\b");

	/** SQL, which {@code store/} holds, has sentences of its own. */
	static final Pattern SQL = Pattern.compile("\\b(?:SELECT|INSERT|UPDATE|DELETE|JOIN|FROM|WHERE)\\b|\\b[a-z]+_[a-z]+\\b");

	/** picocli's annotations, whose literals the scanner marks (names and labels: no text is left there). */
	static final Set<String> HELP_ANNOTATIONS = Set.of("Command", "Option", "Parameters", "ArgGroup");

	record Allowed(int count, String reason) {
	}

	static Map.Entry<String, Allowed> allowed(String file, int count, String reason) {
		return Map.entry(file, new Allowed(count, reason));
	}

	/** {@code english() ? "…" : …} and the like: a language picking a literal instead of a key. */
	static final Pattern LANGUAGE_TERNARY = Pattern.compile("english\\b\\s*(?:\\(\\s*\\))?\\s*\\?\\s*\"");

	/** A help text written on picocli's annotation instead of in the catalogue. */
	static final Pattern HELP_TEXT = Pattern.compile(
			"@(?:CommandLine\\.)?(?:Command|Option|Parameters)\\s*\\([^)]*\\b(?:description|header|footer)\\s*=");

	static final Pattern KEY = Pattern.compile(
			"(?:cli|check|import|template|help|lang|progress|config)\\.[A-Za-z0-9.-]*[A-Za-z0-9]");

	@Test
	void chineseLiteralsOnlyWhereListed() throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			String name = name(file);
			for (Literal literal : scan(Files.readString(file, StandardCharsets.UTF_8)).literals()) {
				if (chinese(literal.text())) {
					counts.merge(name, 1, Integer::sum);
					if (!CHINESE.containsKey(name)) {
						found.add(name + ":" + literal.line() + ": \"" + literal.text() + "\"");
					}
				}
			}
		}
		assertThat(found).as("Chinese in string literals: put the text in the message catalogue").isEmpty();
		Map<String, Integer> listed = new TreeMap<>();
		CHINESE.forEach((file, allowed) -> listed.put(file, allowed.count()));
		assertThat(counts).as("Chinese literals per file: a new one must be a word that is read, not printed")
			.isEqualTo(listed);
	}

	@Test
	void englishSentencesOnlyForDevelopersOrWhereListed() throws IOException {
		List<String> found = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		for (Path file : sources()) {
			String name = name(file);
			Scanned scanned = scan(Files.readString(file, StandardCharsets.UTF_8));
			for (Literal literal : scanned.literals()) {
				if (!SENTENCE.matcher(literal.text()).find() || chinese(literal.text())
						|| SQL.matcher(literal.text()).find()) {
					continue;
				}
				String before = scanned.code().substring(0, literal.codeOffset());
				if (FOR_DEVELOPERS.matcher(before).find()) {
					continue;
				}
				seen.add(name);
				if (!ENGLISH.containsKey(name)) {
					found.add(name + ":" + literal.line() + ": \"" + literal.text() + "\"");
				}
			}
		}
		assertThat(found).as("English sentences in string literals: put the text in the message catalogue").isEmpty();
		assertThat(seen).as("files listed as allowed English that no longer need it").containsAll(ENGLISH.keySet());
	}

	@Test
	void noLanguageChoosesBetweenLiterals() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			Scanned scanned = scan(Files.readString(file, StandardCharsets.UTF_8));
			Matcher m = LANGUAGE_TERNARY.matcher(scanned.code());
			while (m.find()) {
				found.add(name(file) + ":" + scanned.lineAt(m.start()));
			}
		}
		assertThat(found).as("english() ? \"…\" : \"…\": use a key of the message catalogue").isEmpty();
	}

	@Test
	void picocliAnnotationsCarryNoHelpText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			Scanned scanned = scan(Files.readString(file, StandardCharsets.UTF_8));
			Matcher m = HELP_TEXT.matcher(scanned.code());
			while (m.find()) {
				found.add(name(file) + ":" + scanned.lineAt(m.start()));
			}
		}
		assertThat(found).as("picocli help texts belong in the catalogue (descriptionKey, rollup.<command>.usage.*)")
			.isEmpty();
	}

	@Test
	void everyKeyInTheCodeExistsInBothLanguages() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path file : sources()) {
			for (Literal literal : scan(Files.readString(file, StandardCharsets.UTF_8)).literals()) {
				if (KEY.matcher(literal.text()).matches()) {
					keys.add(literal.text());
				}
			}
		}
		assertThat(keys).as("keys written in the code").contains("cli.summary.completed", "check.file", "help.option.year");
		for (Language language : Language.values()) {
			Set<String> missing = new TreeSet<>(keys);
			missing.removeAll(bundle(language).keySet());
			assertThat(missing).as("keys used in the code but missing in " + language).isEmpty();
		}
	}

	/** The enums whose words are in the catalogue: every constant's key, in both languages. */
	@Test
	void everyEnumKeyExistsInBothLanguages() {
		List<String> keys = new ArrayList<>();
		for (var e : UnitStatus.values()) {
			keys.add(e.key());
		}
		for (var e : township.rollup.assessment.Verdict.values()) {
			keys.add(e.key());
		}
		for (var e : township.rollup.rules.Severity.values()) {
			keys.add(e.key());
		}
		for (var e : township.rollup.rules.Scope.values()) {
			keys.add(e.key());
		}
		for (var e : township.rollup.registry.Unit.Category.values()) {
			keys.add(e.key());
		}
		assertThat(keys).hasSize(4 + 2 + 3 + 6 + 6);
		for (Language language : Language.values()) {
			assertThat(bundle(language).keySet()).as(language.toString()).containsAll(keys);
		}
	}

	@Test
	void everyCliKeyIsUsed() throws IOException {
		StringBuilder all = new StringBuilder();
		for (Path file : sources()) {
			scan(Files.readString(file, StandardCharsets.UTF_8)).literals().forEach(l -> all.append('"').append(l.text()).append('"'));
		}
		Set<String> unused = new TreeSet<>();
		for (String key : bundle(Language.ZH).keySet()) {
			if ((key.startsWith("cli.") || key.startsWith("help.")) && !key.startsWith("cli.status.column.")
					&& !all.toString().contains('"' + key + '"')) {
				unused.add(key);
			}
		}
		assertThat(unused).as("cli.* and help.* keys no code uses").isEmpty();
	}

	@Test
	void anyLanguageTextsAreTheSameInBothBundles() {
		ResourceBundle zh = bundle(Language.ZH);
		ResourceBundle en = bundle(Language.EN);
		for (String key : zh.keySet()) {
			if (key.startsWith(AnyLanguage.PREFIX) || key.endsWith(".both")) {
				assertThat(en.getString(key)).as(key).isEqualTo(zh.getString(key));
			}
		}
	}

	/** The scanner itself: what it must find and what it must leave alone. */
	@Test
	void theScannerTellsCodeFromCommentsAndHelp() {
		String source = """
				// 注释 "不是文本"
				/* 块注释 "也不是" */
				@Command(name = "x", description = { "帮助文本 (x)" })
				class X {
					@Option(names = "--y", description = "选项（帮助）") int y;
					String a = t.english() ? "en" : "中文";
					char q = '"';
					String b = "转义 \\" 引号";
					String c = "\\u5e74";
					String d = \"""
						文本块
						\""";
					String e = "after";
				}
				""";
		Scanned scanned = scan(source);
		assertThat(scanned.literals().stream().filter(l -> !l.inHelp()).map(Literal::text))
			.containsExactly("en", "中文", "转义 \\\" 引号", "年", "文本块\n", "after");
		assertThat(scanned.literals().stream().filter(Literal::inHelp).map(Literal::text))
			.containsExactly("x", "帮助文本 (x)", "--y", "选项（帮助）");
		assertThat(scanned.literals().stream().filter(l -> l.text().equals("after")).findFirst().orElseThrow().line())
			.isEqualTo(13);
		Matcher ternary = LANGUAGE_TERNARY.matcher(scanned.code());
		assertThat(ternary.find()).isTrue();
		assertThat(scanned.lineAt(ternary.start())).isEqualTo(6);
		assertThat(scanned.code()).doesNotContain("注释").doesNotContain("中文").doesNotContain("文本块");
	}

	/** Every room's sources. */
	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<Path> list = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
			assertThat(list).as("sources of " + SOURCES).hasSizeGreaterThan(150);
			assertThat(list.stream().map(p -> SOURCES.relativize(p).getName(0).toString()).distinct())
				.as("rooms scanned")
				.contains("cli", "batch", "board", "output", "ingest", "importer", "rules", "store", "registry", "i18n");
			return list;
		}
	}

	/** A file by its room and name: {@code cli/Cli.java}. */
	private static String name(Path file) {
		return SOURCES.relativize(file).toString().replace('\\', '/');
	}

	private static ResourceBundle bundle(Language language) {
		return ResourceBundle.getBundle("i18n.messages", language.locale(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	static boolean chinese(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
				|| Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS);
	}

	/** A string literal (escapes kept, except unicode escapes, which are decoded), where it starts. */
	record Literal(String text, int line, boolean inHelp, int codeOffset) {
	}

	/**
	 * The literals of a source file, and its code without comments, each literal's text replaced by
	 * {@code "…"}'s quotes only (so that patterns over the code see where a literal stands).
	 */
	record Scanned(List<Literal> literals, String code, int[] lineStarts) {

		int lineAt(int offset) {
			int line = 1;
			while (line < lineStarts.length && lineStarts[line] <= offset) {
				line++;
			}
			return line;
		}

	}

	/** A small lexer of Java: comments, string and character literals, text blocks, annotations. */
	static Scanned scan(String source) {
		String s = decodeUnicodeEscapes(source);
		List<Literal> literals = new ArrayList<>();
		StringBuilder code = new StringBuilder();
		List<Integer> codeLines = new ArrayList<>(List.of(0));
		int line = 1;
		int depth = 0;
		// the parenthesis depths at which a help annotation's arguments close
		java.util.Deque<Integer> help = new java.util.ArrayDeque<>();
		String pendingAnnotation = null;
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (s.startsWith("//", i)) {
				int end = s.indexOf('\n', i);
				i = end < 0 ? s.length() : end;
				continue;
			}
			if (s.startsWith("/*", i)) {
				int end = s.indexOf("*/", i + 2);
				int stop = end < 0 ? s.length() : end + 2;
				for (int k = i; k < stop; k++) {
					if (s.charAt(k) == '\n') {
						line++;
						code.append('\n');
						codeLines.add(code.length());
					}
				}
				i = stop;
				continue;
			}
			if (s.startsWith("\"\"\"", i)) {
				int start = s.indexOf('\n', i) + 1;
				int end = s.indexOf("\"\"\"", start);
				literals.add(new Literal(s.substring(start, end).stripIndent(), line, !help.isEmpty(), code.length()));
				code.append("\"\"");
				for (int k = i; k < end; k++) {
					if (s.charAt(k) == '\n') {
						line++;
						code.append('\n');
						codeLines.add(code.length());
					}
				}
				i = end + 3;
				continue;
			}
			if (c == '"' || c == '\'') {
				int k = i + 1;
				while (s.charAt(k) != c) {
					k += s.charAt(k) == '\\' ? 2 : 1;
				}
				if (c == '"') {
					literals.add(new Literal(s.substring(i + 1, k), line, !help.isEmpty(), code.length()));
					code.append("\"\"");
				}
				else {
					code.append("''");
				}
				i = k + 1;
				continue;
			}
			if (c == '@' && i + 1 < s.length() && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
				int k = i + 1;
				while (k < s.length() && (Character.isJavaIdentifierPart(s.charAt(k)) || s.charAt(k) == '.')) {
					k++;
				}
				String name = s.substring(i + 1, k);
				pendingAnnotation = name.substring(name.lastIndexOf('.') + 1);
				code.append(s, i, k);
				i = k;
				continue;
			}
			if (c == '(') {
				if (pendingAnnotation != null && HELP_ANNOTATIONS.contains(pendingAnnotation)) {
					help.push(depth);
				}
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (!help.isEmpty() && help.peek() == depth) {
					help.pop();
				}
			}
			if (!Character.isWhitespace(c)) {
				pendingAnnotation = null;
			}
			if (c == '\n') {
				line++;
				code.append('\n');
				codeLines.add(code.length());
			}
			else {
				code.append(c);
			}
			i++;
		}
		return new Scanned(literals, code.toString(), codeLines.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Java reads unicode escapes before anything else: a literal cannot hide Chinese behind them. */
	private static String decodeUnicodeEscapes(String source) {
		Matcher m = Pattern.compile("\\\\u+([0-9a-fA-F]{4})").matcher(source);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int backslashes = 0;
			for (int k = m.start() - 1; k >= 0 && source.charAt(k) == '\\'; k--) {
				backslashes++;
			}
			String replacement = backslashes % 2 == 0 ? String.valueOf((char) Integer.parseInt(m.group(1), 16)) : m.group();
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

}
