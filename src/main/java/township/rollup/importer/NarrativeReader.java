package township.rollup.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.reportformat.NarrativeMetric;

/**
 * The {@code NARR.*} numbers, taken from 一、总体情况 only where the text states them plainly: the words
 * of the metric, then the number, then its unit, nothing between ({@code 主动公开政府信息392条}), read
 * across the line breaks of a wrapped paragraph. An
 * approximation ({@code 68余条}, {@code 约300条}) or a number the text states twice differently is not
 * taken. These are the only numbers ever read from prose.
 */
final class NarrativeReader {

	private static final Map<String, Pattern> PATTERNS = patterns();

	private NarrativeReader() {
	}

	private static Map<String, Pattern> patterns() {
		Map<String, Pattern> p = new LinkedHashMap<>();
		p.put("NARR.proactive_items", Pattern.compile("主动公开(?:政府)?信息(?:共)?(\\d+)条"));
		p.put("NARR.policy_interpretations", Pattern.compile("政策解读(?:稿件|材料|文章)?(?:共)?(\\d+)(?:次|篇|条)"));
		p.put("NARR.opinion_responses", Pattern.compile("回应(?:网络)?舆情(?:事件)?(?:共)?(\\d+)(?:次|起|件)"));
		p.put("NARR.netizen_requests", Pattern.compile("办理网民诉求(?:事项)?(?:共)?(\\d+)件"));
		p.put("NARR.consultations", Pattern.compile("咨询(?:政府信息)?(?:共)?(\\d+)人次"));
		p.put("NARR.info_reported", Pattern.compile("上报(?:政务)?信息(?:共)?(\\d+)条"));
		p.put("NARR.documents_published", Pattern.compile("公布(?:各类)?文件(?:共)?(\\d+)件"));
		p.put("NARR.training_sessions", Pattern.compile("培训(?:会)?(?:共)?(\\d+)(?:次|期|场)"));
		// the verb and what was received are both required: 收到行政复议申请, 上年结转申请 and a bare 收到申请
		// are not it; text copied from a PDF puts spaces around the number (收到政府信息公开申请 50 件); an
		// approximation (2.3万件, 20余件, 约20件, 17件以上, 17件左右) is not a statement
		p.put("NARR.applications_received", Pattern.compile(
				"(?:收到|受理|新收)(?:各类)?(?:政府信息公开|依申请公开|信息公开)(?:的)?申请(?:共计|合计|共)?[ \\u00A0\\u3000]*(\\d+)[ \\u00A0\\u3000]*件(?!以上|左右)"));
		return p;
	}

	/** One result per metric of the format, in the format's order. */
	static List<CellImport> read(List<NarrativeMetric> metrics, List<SourceLine> lines) {
		List<Paragraph> paragraphs = paragraphs(lines);
		List<CellImport> out = new ArrayList<>();
		for (NarrativeMetric metric : metrics) {
			Pattern pattern = PATTERNS.get(metric.code());
			Set<String> numbers = new LinkedHashSet<>();
			TreeSet<Integer> at = new TreeSet<>();
			String phrase = null;
			if (pattern != null) {
				for (Paragraph paragraph : paragraphs) {
					// Traditional folded one character for one, so that positions in the text stay the same
					Matcher m = pattern.matcher(LabelText.toSimplified(paragraph.text()));
					while (m.find()) {
						numbers.add(m.group(1));
						at.addAll(paragraph.linesOf(m.start(), m.end()));
						if (phrase == null) {
							phrase = paragraph.text().substring(m.start(), m.end());
						}
					}
				}
			}
			if (numbers.isEmpty()) {
				out.add(new CellImport(metric.code(), "总体情况", metric.label(), "", ImportStatus.NOT_FOUND, "", List.of(),
						Reason.NARR_NOT_STATED, List.of()));
			}
			else if (numbers.size() > 1) {
				out.add(new CellImport(metric.code(), "总体情况", metric.label(), "", ImportStatus.AMBIGUOUS, "",
						List.copyOf(at), Reason.NARR_CONFLICT, List.of(String.join("、", numbers))));
			}
			else {
				out.add(new CellImport(metric.code(), "总体情况", metric.label(), "", ImportStatus.VALUE,
						numbers.iterator().next(), List.copyOf(at), Reason.NARR_STATED, List.of(phrase)));
			}
		}
		return out;
	}

	/**
	 * Lines a printed page wrapped, joined again: a PDF or a copied page breaks prose where the line is
	 * full ({@code 受理政府} / {@code 信息公开申请 17 件}), and the phrase is only whole across the break. A
	 * line is continued by the next when it does not end a sentence (。！？；：) and the next follows it
	 * (a page's footer, already dropped, may stand between); nothing is put between the two, as Chinese
	 * prose has no space there.
	 */
	private static List<Paragraph> paragraphs(List<SourceLine> lines) {
		List<Paragraph> out = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		List<int[]> starts = new ArrayList<>();
		SourceLine previous = null;
		for (SourceLine line : lines) {
			String part = line.text().strip();
			boolean continues = previous != null && !part.isEmpty() && line.number() - previous.number() <= MAX_STEP
					&& !previous.text().isBlank() && !SENTENCE_END.matcher(previous.text().strip()).find();
			if (!continues && !starts.isEmpty()) {
				out.add(new Paragraph(text.toString(), List.copyOf(starts)));
				text.setLength(0);
				starts.clear();
			}
			if (!part.isEmpty()) {
				starts.add(new int[] { text.length(), line.number() });
				text.append(part);
			}
			previous = line;
		}
		if (!starts.isEmpty()) {
			out.add(new Paragraph(text.toString(), List.copyOf(starts)));
		}
		return out;
	}

	/** How many line numbers a wrapped line may step over to its continuation: a dropped footer and a blank. */
	private static final int MAX_STEP = 3;

	private static final Pattern SENTENCE_END = Pattern.compile("[。！？；：!?;:]$");

	/** Joined text, with where each line's text starts in it and that line's number. */
	private record Paragraph(String text, List<int[]> starts) {

		/** The numbers of the lines that the text from {@code start} to {@code end} comes from. */
		List<Integer> linesOf(int start, int end) {
			List<Integer> numbers = new ArrayList<>();
			for (int i = 0; i < starts.size(); i++) {
				int from = starts.get(i)[0];
				int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
				if (from < end && start < to) {
					numbers.add(starts.get(i)[1]);
				}
			}
			return numbers;
		}

	}

}
