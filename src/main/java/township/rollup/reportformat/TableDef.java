package township.rollup.reportformat;

import java.util.List;

/** A table of the report: {@code T2}, {@code T3} or {@code T4}, with its Chinese name and title. */
public record TableDef(String code, String name, String title, List<BlockDef> blocks) {
}
