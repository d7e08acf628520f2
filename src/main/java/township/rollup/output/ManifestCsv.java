package township.rollup.output;

import java.util.ArrayList;
import java.util.List;

import township.rollup.store.YearStateStore;
import township.rollup.submission.TextLimits;

/** {@code manifest.csv} of a finalized year: every input and output file with its SHA-256. */
public final class ManifestCsv {

	private ManifestCsv() {
	}

	public static byte[] write(List<YearStateStore.ManifestEntry> entries) {
		List<List<String>> grid = new ArrayList<>();
		grid.add(List.of("类别(kind)", "文件(file)", "区划代码(unit_code)", "SHA-256"));
		for (YearStateStore.ManifestEntry e : entries) {
			grid.add(List.of(e.kind(), TextLimits.name(e.name()), e.unitCode() == null ? "" : e.unitCode(), e.sha256()));
		}
		return Csv.write(grid);
	}

}
