package township.rollup.reportformat;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A report's numbers held by their place in its format ({@link ReportFormat#position}): the cells in
 * template order, then the 总体情况 figures; read as an unmodifiable map from code to number, in that order,
 * without the places that have none. Whoever goes through every number of a format (summing a level,
 * filling a page's tables) reads them by place, with no look-up by code: a nation is 40,000 reports of
 * about 650 numbers each.
 */
public final class FormNumbers extends AbstractMap<String, BigDecimal> {

	private final ReportFormat format;

	private final BigDecimal[] values;

	private final int size;

	private FormNumbers(ReportFormat format, BigDecimal[] values) {
		this.format = format;
		this.values = values;
		int n = 0;
		for (BigDecimal value : values) {
			n += value == null ? 0 : 1;
		}
		this.size = n;
	}

	/**
	 * The numbers at their places ({@code values.length} is the format's {@link ReportFormat#numberCount};
	 * null where there is none); the array is the caller's no more.
	 */
	public static FormNumbers of(ReportFormat format, BigDecimal[] values) {
		if (values.length != format.numberCount()) {
			throw new IllegalArgumentException(values.length + " numbers for format " + format.id() + " of "
					+ format.numberCount());
		}
		return new FormNumbers(format, values);
	}

	public ReportFormat format() {
		return format;
	}

	/** The number at {@code position} of the format's order; null where there is none. */
	public BigDecimal at(int position) {
		return values[position];
	}

	@Override
	public BigDecimal get(Object code) {
		int at = code instanceof String c ? format.position(c) : -1;
		return at < 0 ? null : values[at];
	}

	@Override
	public boolean containsKey(Object code) {
		return get(code) != null;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public Set<Map.Entry<String, BigDecimal>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, BigDecimal>> iterator() {
				return new Iterator<>() {

					private int next = advance(0);

					private int advance(int from) {
						int i = from;
						while (i < values.length && values[i] == null) {
							i++;
						}
						return i;
					}

					@Override
					public boolean hasNext() {
						return next < values.length;
					}

					@Override
					public Map.Entry<String, BigDecimal> next() {
						if (next >= values.length) {
							throw new NoSuchElementException();
						}
						int at = next;
						next = advance(at + 1);
						return Map.entry(code(at), values[at]);
					}

				};
			}

			@Override
			public int size() {
				return size;
			}

		};
	}

	private String code(int position) {
		int cells = format.cells().size();
		return position < cells ? format.cells().get(position).code()
				: format.narrativeMetrics().get(position - cells).code();
	}

}
