package township.rollup.reportformat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import township.rollup.bytes.Sha256;


/**
 * The formats this release knows, loaded once from {@code reportformat/<id>.json} on the class path.
 * Adding a format is adding a file and its id to {@link #IDS}.
 */
public final class ReportFormats {

	static final List<String> IDS = List.of("2019", "2021");

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static volatile ReportFormats standard;

	private final Map<String, ReportFormat> formats;

	private final String fingerprint;

	private ReportFormats(Map<String, ReportFormat> formats, String fingerprint) {
		this.formats = formats;
		this.fingerprint = fingerprint;
	}

	/** The formats shipped with this release. */
	public static ReportFormats standard() {
		ReportFormats result = standard;
		if (result == null) {
			synchronized (ReportFormats.class) {
				result = standard;
				if (result == null) {
					result = load();
					standard = result;
				}
			}
		}
		return result;
	}

	private static ReportFormats load() {
		List<NarrativeMetric> narrative = readNarrative();
		Map<String, ReportFormat> map = new LinkedHashMap<>();
		Sha256 digest = Sha256.start();
		digest.add(bytes("reportformat/narrative.json"));
		for (String id : IDS) {
			map.put(id, read(id, narrative));
			digest.add("\n" + id + "\n");
			digest.add(bytes("reportformat/" + id + ".json"));
		}
		return new ReportFormats(map, digest.hex());
	}

	/** SHA-256 over the format definitions: what reading a file against them depends on. */
	public String fingerprint() {
		return fingerprint;
	}

	private static byte[] bytes(String resource) {
		try (InputStream in = ReportFormats.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<ReportFormat> find(String id) {
		return Optional.ofNullable(id == null ? null : formats.get(id.trim()));
	}

	public ReportFormat get(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("unknown report format: " + id));
	}

	public Collection<ReportFormat> all() {
		return formats.values();
	}

	public List<String> ids() {
		return List.copyOf(formats.keySet());
	}

	// --- JSON shapes of the resource files

	record ColumnJson(String code, String label, String group, CellType type, String unit, Integer scale) {
	}

	record LineJson(String code, String label, String group) {
	}

	record BlockJson(String title, String columns, List<LineJson> rows) {
	}

	record TableJson(String code, String name, String title, List<BlockJson> blocks) {
	}

	record FormatJson(String format, String title, String basis, Map<String, List<ColumnJson>> columnSets,
			List<TableJson> tables) {
	}

	record NarrativeJson(String comment, List<NarrativeMetric> metrics) {
	}

	private static ReportFormat read(String id, List<NarrativeMetric> narrative) {
		FormatJson json = readJson("reportformat/" + id + ".json", FormatJson.class);
		if (!id.equals(json.format())) {
			throw new IllegalStateException("reportformat/" + id + ".json declares format " + json.format());
		}
		Map<String, List<ColumnDef>> sets = new LinkedHashMap<>();
		json.columnSets().forEach((name, columns) -> sets.put(name, columns.stream()
			.map(c -> new ColumnDef(c.code(), c.label(), c.group() == null ? "" : c.group(), c.type(),
					c.unit() == null ? "" : c.unit(), c.scale() == null ? 0 : c.scale()))
			.toList()));
		List<TableDef> tables = new ArrayList<>();
		for (TableJson t : json.tables()) {
			List<BlockDef> blocks = new ArrayList<>();
			for (BlockJson b : t.blocks()) {
				List<ColumnDef> columns = sets.get(b.columns());
				if (columns == null) {
					throw new IllegalStateException("format " + id + ": unknown column set " + b.columns());
				}
				List<BlockDef.Line> lines = new ArrayList<>();
				for (LineJson line : b.rows()) {
					if (line.group() != null) {
						lines.add(new BlockDef.Line(null, line.group()));
					}
					else {
						lines.add(new BlockDef.Line(new RowDef(line.code(), line.label(), t.code(), b.title(), columns),
								null));
					}
				}
				blocks.add(new BlockDef(b.title(), b.columns(), columns, lines));
			}
			tables.add(new TableDef(t.code(), t.name(), t.title(), blocks));
		}
		return new ReportFormat(id, json.title(), json.basis(), tables, sets, narrative);
	}

	private static List<NarrativeMetric> readNarrative() {
		return readJson("reportformat/narrative.json", NarrativeJson.class).metrics();
	}

	private static <T> T readJson(String resource, Class<T> type) {
		try (InputStream in = ReportFormats.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return JSON.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
