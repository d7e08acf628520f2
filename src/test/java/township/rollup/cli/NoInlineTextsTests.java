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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import township.rollup.i18n.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands print comes from the message catalogue ({@code i18n/messages_*.properties}), never
 * from a Chinese and an English text written side by side in the code. Scans the sources of this package:
 * string literals outside comments must hold no Chinese, no code may choose between two literals by the
 * language, and every catalogue key written in the code must exist.
 */
class NoInlineTextsTests {

	static final Path SOURCES = Path.of("src/main/java/township/rollup/cli");

	/**
	 * The Chinese literals allowed in the code, by file and literal, each with its reason. Nothing printed
	 * belongs here.
	 */
	static final Map<String, String> ALLOWED = Map.of(
			"CheckCommand.java 年$",
			"reads the 报告年度 a file states (2020年): input, not output",
			"RunSummary.java ）",
			"whether the catalogue's words for a kind of unit end in a closing bracket, choosing the .tight text: "
					+ "not printed");

	/**
	 * picocli's annotations: their texts are the help, which picocli renders itself (the help keeps its
	 * English with the Chinese name of each command).
	 */
	static final Set<String> HELP_ANNOTATIONS = Set.of("Command", "Option", "Parameters", "ArgGroup");

	/** {@code english() ? "…" : …} and the like: a language picking a literal instead of a key. */
	static final Pattern LANGUAGE_TERNARY = Pattern.compile("english\\b\\s*(?:\\(\\s*\\))?\\s*\\?\\s*\"");

	static final Pattern KEY = Pattern.compile("(?:cli|check|import|template)\\.[A-Za-z0-9.-]*[A-Za-z0-9]");

	@Test
	void noChineseInStringLiteralsOutsideHelpAnnotations() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			for (Literal literal : scan(Files.readString(file, StandardCharsets.UTF_8)).literals()) {
				String where = file.getFileName() + " " + literal.text();
				if (!literal.inHelp() && chinese(literal.text()) && !ALLOWED.containsKey(where)) {
					found.add(file.getFileName() + ":" + literal.line() + ": \"" + literal.text() + "\"");
				}
			}
		}
		assertThat(found).as("Chinese in string literals of cli/: put the text in the message catalogue").isEmpty();
	}

	@Test
	void everyAllowedLiteralIsStillThere() throws IOException {
		Set<String> present = new TreeSet<>();
		for (Path file : sources()) {
			scan(Files.readString(file, StandardCharsets.UTF_8)).literals()
				.forEach(l -> present.add(file.getFileName() + " " + l.text()));
		}
		assertThat(present).as("exceptions no longer needed should be removed").containsAll(ALLOWED.keySet());
	}

	@Test
	void noLanguageChoosesBetweenLiterals() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			Scanned scanned = scan(Files.readString(file, StandardCharsets.UTF_8));
			Matcher m = LANGUAGE_TERNARY.matcher(scanned.code());
			while (m.find()) {
				found.add(file.getFileName() + ":" + scanned.lineAt(m.start()));
			}
		}
		assertThat(found).as("english() ? \"…\" : \"…\" in cli/: use a key of the message catalogue").isEmpty();
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
		assertThat(keys).as("keys written in cli/").contains("cli.summary.completed", "check.file");
		for (Language language : Language.values()) {
			Set<String> missing = new TreeSet<>(keys);
			missing.removeAll(bundle(language).keySet());
			assertThat(missing).as("keys used in cli/ but missing in " + language).isEmpty();
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
			if (key.startsWith("cli.") && !all.toString().contains('"' + key + '"')) {
				unused.add(key);
			}
		}
		assertThat(unused).as("cli.* keys no code uses").isEmpty();
	}

	@Test
	void anyLanguageTextsAreTheSameInBothBundles() {
		ResourceBundle zh = bundle(Language.ZH);
		ResourceBundle en = bundle(Language.EN);
		for (String key : zh.keySet()) {
			if (key.startsWith(AnyLanguage.PREFIX)) {
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

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.list(SOURCES)) {
			List<Path> list = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
			assertThat(list).as("sources of " + SOURCES).hasSizeGreaterThan(20);
			return list;
		}
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
	record Literal(String text, int line, boolean inHelp) {
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
				literals.add(new Literal(s.substring(start, end).stripIndent(), line, !help.isEmpty()));
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
					literals.add(new Literal(s.substring(i + 1, k), line, !help.isEmpty()));
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
