package township.rollup.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutants of a valid submission, reproducible from a seed: each applies one to three mutations, at the
 * text level (lines, cells, characters, numbers, line endings) and then at the byte level (encoding,
 * flipped bytes, truncation). Every mutant says what was done to it, so a failure can be read and
 * replayed.
 */
public final class Mutator {

	/** What a mutant is and how it was made. */
	public record Mutant(int number, String description, byte[] bytes) {
	}

	/** The kinds of mutation; the fuzzing test reports how many mutants of each it ran. */
	public enum Kind {

		BYTE_FLIP, TRUNCATE, DUPLICATE_LINE, DELETE_LINE, SWAP_LINES, BLOW_UP_CELL, UNICODE, HUGE_NUMBER,
		TINY_NUMBER, EXTRA_COLUMNS, EXTRA_ROW, LINE_ENDINGS, MIXED_ENCODINGS, REENCODE, QUOTES, EMPTY_CELL,
		TRAILING_CELLS

	}

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final String[] ODD = { "\u0000", "\u202E", "\u200B", "\uFEFF", "\u202A", "\u200F", "\uD83D\uDE00",
			"\uD800", "\r", "\t", "\"", ",", "\u3000", "０", "＋", "−", "=1+1", "@SUM(A1)", "\\", "％", "万元" };

	private final Random random;

	private final String base;

	private final List<Kind> used = new ArrayList<>();

	public Mutator(long seed, String base) {
		this.random = new Random(seed);
		this.base = base;
	}

	/** Every kind applied so far, once per application. */
	public List<Kind> used() {
		return used;
	}

	public Mutant next(int number) {
		List<String> lines = new ArrayList<>(Arrays.asList(base.split("\r\n", -1)));
		StringBuilder description = new StringBuilder();
		int mutations = 1 + random.nextInt(3);
		Charset charset = StandardCharsets.UTF_8;
		boolean bom = false;
		List<Kind> byteLevel = new ArrayList<>();
		String[] endings = null;
		for (int m = 0; m < mutations; m++) {
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			used.add(kind);
			description.append(m == 0 ? "" : "; ").append(kind);
			int line = random.nextInt(Math.max(1, lines.size()));
			switch (kind) {
				case DUPLICATE_LINE -> {
					lines.add(line, lines.get(line));
					description.append(" line ").append(line + 1);
				}
				case DELETE_LINE -> {
					lines.remove(line);
					description.append(" line ").append(line + 1);
				}
				case SWAP_LINES -> {
					int other = random.nextInt(lines.size());
					String a = lines.get(line);
					lines.set(line, lines.get(other));
					lines.set(other, a);
					description.append(" lines ").append(line + 1).append(',').append(other + 1);
				}
				case BLOW_UP_CELL -> {
					// log-uniform from 10 k to 1 M characters, in a value cell of a data line most of the time
					int length = (int) Math.round(10_000 * Math.pow(100, random.nextDouble()));
					char c = "9x字\u00A0".charAt(random.nextInt(4));
					if (random.nextInt(4) > 0) {
						line = dataLine(lines, line);
					}
					lines.set(line, replaceCell(lines.get(line), String.valueOf(c).repeat(length)));
					description.append(" line ").append(line + 1).append(" to ").append(length).append(" × U+")
						.append(Integer.toHexString(c));
				}
				case UNICODE -> {
					String odd = ODD[random.nextInt(ODD.length)];
					String text = lines.get(line);
					int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
					lines.set(line, text.substring(0, at) + odd + text.substring(at));
					description.append(" line ").append(line + 1).append(" U+")
						.append(odd.codePoints().mapToObj(Integer::toHexString).toList());
				}
				case HUGE_NUMBER -> {
					int digits = 16 + random.nextInt(30);
					StringBuilder n = new StringBuilder("1");
					for (int i = 1; i < digits; i++) {
						n.append(random.nextInt(10));
					}
					lines.set(line, replaceCell(lines.get(line), (random.nextBoolean() ? "-" : "") + n));
					description.append(" line ").append(line + 1).append(' ').append(digits).append(" digits");
				}
				case TINY_NUMBER -> {
					String[] tiny = { "0.00000001", "1e-9", "0.0001", "1E5", "-0", "+0", "0.5", "1,000", "0x10", "NaN",
							"Infinity", "1_000", "٣", "3.", ".5" };
					String t = tiny[random.nextInt(tiny.length)];
					lines.set(line, replaceCell(lines.get(line), t));
					description.append(" line ").append(line + 1).append(' ').append(t);
				}
				case EXTRA_COLUMNS -> {
					int extra = 1 + random.nextInt(50);
					lines.set(line, lines.get(line) + (random.nextBoolean() ? ",0" : ",x").repeat(extra));
					description.append(" line ").append(line + 1).append(" +").append(extra);
				}
				case EXTRA_ROW -> {
					String[] rows = { "T9.zz,未知行,1,2,3", "T3.r1,一、本年新收政府信息公开申请数量,0,0,0,0,0,0,0",
							"META.year,报告年度,2019", "NARR.proactive_items,主动公开政府信息（条）,5", "NOTE,X-JUMP,说明",
							"NARR.unknown,什么,1", "T2", "T3.r3_6,（六）其他处理" };
					String r = rows[random.nextInt(rows.length)];
					lines.add(line, r);
					description.append(" at ").append(line + 1).append(": ").append(r);
				}
				case LINE_ENDINGS -> {
					endings = new String[] { "\n", "\r", "\r\n" };
					description.append(" mixed");
				}
				case MIXED_ENCODINGS -> {
					byteLevel.add(kind);
				}
				case REENCODE -> {
					int which = random.nextInt(3);
					charset = which == 0 ? GB18030 : StandardCharsets.UTF_8;
					bom = which == 2;
					description.append(which == 0 ? " GB18030" : which == 1 ? " UTF-8" : " UTF-8 with BOM");
				}
				case QUOTES -> {
					String text = lines.get(line);
					int comma = text.indexOf(',');
					lines.set(line, random.nextBoolean() && comma >= 0
							? text.substring(0, comma + 1) + "\"" + text.substring(comma + 1) : "\"" + text + "\"");
					description.append(" line ").append(line + 1);
				}
				case EMPTY_CELL -> {
					lines.set(line, replaceCell(lines.get(line), ""));
					description.append(" line ").append(line + 1);
				}
				case TRAILING_CELLS -> {
					lines.set(line, lines.get(line) + ",".repeat(1 + random.nextInt(20)));
					description.append(" line ").append(line + 1);
				}
				case BYTE_FLIP, TRUNCATE -> byteLevel.add(kind);
			}
		}
		String text = join(lines, endings);
		byte[] bytes = encode(text, charset, bom);
		for (Kind kind : byteLevel) {
			if (kind == Kind.BYTE_FLIP && bytes.length > 0) {
				int flips = 1 + random.nextInt(5);
				for (int i = 0; i < flips; i++) {
					int at = random.nextInt(bytes.length);
					bytes[at] = (byte) random.nextInt(256);
					description.append(" @").append(at);
				}
			}
			else if (kind == Kind.TRUNCATE) {
				int at = random.nextInt(bytes.length + 1);
				bytes = Arrays.copyOf(bytes, at);
				description.append(" at byte ").append(at);
			}
			else if (kind == Kind.MIXED_ENCODINGS) {
				// the first half as UTF-8, the rest as GB18030: a file pasted together from two saves
				int half = text.length() / 2;
				byte[] a = text.substring(0, half).getBytes(StandardCharsets.UTF_8);
				byte[] b = text.substring(half).getBytes(GB18030);
				bytes = Arrays.copyOf(a, a.length + b.length);
				System.arraycopy(b, 0, bytes, a.length, b.length);
				description.append(" split at char ").append(half);
			}
		}
		return new Mutant(number, description.toString(), bytes);
	}

	/** A line holding a row of a table (its first cell a row code), near {@code from}. */
	private static int dataLine(List<String> lines, int from) {
		for (int i = 0; i < lines.size(); i++) {
			int at = (from + i) % lines.size();
			if (lines.get(at).startsWith("T")) {
				return at;
			}
		}
		return from;
	}

	/** The line with one of its cells after the first two (a value position) replaced. */
	private String replaceCell(String line, String value) {
		String[] cells = line.split(",", -1);
		if (cells.length < 3) {
			return line + "," + value;
		}
		int at = 2 + random.nextInt(cells.length - 2);
		cells[at] = value;
		return String.join(",", cells);
	}

	private String join(List<String> lines, String[] endings) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			out.append(lines.get(i));
			if (i < lines.size() - 1) {
				out.append(endings == null ? "\r\n" : endings[random.nextInt(endings.length)]);
			}
		}
		return out.toString();
	}

	private static byte[] encode(String text, Charset charset, boolean bom) {
		byte[] body = text.getBytes(charset);
		if (!bom) {
			return body;
		}
		byte[] out = new byte[body.length + 3];
		out[0] = (byte) 0xEF;
		out[1] = (byte) 0xBB;
		out[2] = (byte) 0xBF;
		System.arraycopy(body, 0, out, 3, body.length);
		return out;
	}

}
