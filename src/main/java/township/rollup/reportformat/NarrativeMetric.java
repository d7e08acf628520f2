package township.rollup.reportformat;

/** An optional number stated in the text of 总体情况, submitted as a {@code NARR.*} line. */
public record NarrativeMetric(String code, String label, CellType type) {
}
