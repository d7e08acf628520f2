package township.rollup.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The consolidating unit and the units that report to it. The file has the header
 * {@code code,name,kind,parent,code_source}; exactly one unit has an empty {@code parent}: the one whose
 * totals this installation produces.
 */
public final class Registry {

	private static final Pattern CODE = Pattern.compile("\\d{12}");

	/** The longest unit name: far above any real one (the longest 街道 names have about 20 characters). */
	static final int MAX_NAME = township.rollup.submission.TextLimits.UNIT_NAME;

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(CsvReadFeature.FAIL_ON_MISSING_HEADER_COLUMNS)
		.enable(CsvReadFeature.TRIM_SPACES)
		.build();

	private final Unit consolidating;

	private final Map<String, Unit> members;

	private final String sha256;

	private Registry(Unit consolidating, Map<String, Unit> members, String sha256) {
		this.consolidating = consolidating;
		this.members = members;
		this.sha256 = sha256;
	}

	record Row(@JsonProperty("code") String code, @JsonProperty("name") String name,
			@JsonProperty("kind") String kind, @JsonProperty("parent") String parent,
			@JsonProperty("code_source") String codeSource) {
	}

	public static Registry load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new RegistryException("registry file not found: " + file);
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new RegistryException("cannot read registry " + file + ": " + ex.getMessage(), ex);
		}
		return parse(bytes, file.toString());
	}

	static Registry parse(byte[] bytes, String name) {
		int start = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		// the expected columns, in any order: a missing one is an error, never a silent empty value
		CsvSchema schema = CSV.schemaFor(Row.class).withHeader().withColumnReordering(true);
		List<Unit> units = new ArrayList<>();
		try (MappingIterator<Row> rows = CSV.readerFor(Row.class)
			.with(schema)
			.readValues(new java.io.ByteArrayInputStream(bytes, start, bytes.length - start))) {
			// the parser stands on the line after a row once it has read it: track where each row starts
			int nextStart = 2;
			while (rows.hasNextValue()) {
				Row row = rows.nextValue();
				int line = nextStart;
				nextStart = Math.max(nextStart + 1, rows.currentLocation().getLineNr());
				if (row.code() == null || row.code().isBlank()) {
					continue;
				}
				if (!CODE.matcher(row.code()).matches()) {
					throw new RegistryException(name + " line " + line + ": code '" + row.code()
							+ "' is not a 12-digit division code");
				}
				if (row.name() == null || row.name().isBlank()) {
					throw new RegistryException(name + " line " + line + ": unit " + row.code() + " has no name");
				}
				if (row.name().length() > MAX_NAME) {
					throw new RegistryException(name + " line " + line + ": the name of unit " + row.code() + " has "
							+ row.name().length() + " characters; at most " + MAX_NAME + " are allowed");
				}
				units.add(new Unit(row.code(), row.name(), nullToEmpty(row.kind()), nullToEmpty(row.parent()),
						nullToEmpty(row.codeSource())));
			}
		}
		catch (JacksonException ex) {
			throw new RegistryException(name + ": not a valid registry CSV (" + ex.getMessage() + ")", ex);
		}
		List<Unit> roots = units.stream().filter(u -> u.parentCode().isEmpty()).toList();
		if (roots.size() != 1) {
			throw new RegistryException(name + ": exactly one unit must have an empty parent (the consolidating unit); found "
					+ roots.size());
		}
		Unit root = roots.get(0);
		Map<String, Unit> members = new LinkedHashMap<>();
		for (Unit unit : units) {
			if (unit == root) {
				continue;
			}
			if (!unit.parentCode().equals(root.code())) {
				throw new RegistryException(name + ": unit " + unit.code() + " " + unit.name() + " has parent "
						+ unit.parentCode() + ", not the consolidating unit " + root.code());
			}
			if (unit.code().equals(root.code()) || members.put(unit.code(), unit) != null) {
				throw new RegistryException(name + ": unit code " + unit.code() + " is listed twice");
			}
		}
		if (members.isEmpty()) {
			throw new RegistryException(name + ": no units report to " + root.name());
		}
		return new Registry(root, Collections.unmodifiableMap(members), sha256(bytes));
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s.trim();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The unit whose totals are produced, for example 偃师市. */
	public Unit consolidating() {
		return consolidating;
	}

	/** The reporting units in file order. */
	public List<Unit> members() {
		return List.copyOf(members.values());
	}

	public Optional<Unit> member(String code) {
		return Optional.ofNullable(code == null ? null : members.get(code));
	}

	/** A reporting unit by its 12-digit code or its registered name, as people type it. */
	public Optional<Unit> find(String codeOrName) {
		String key = codeOrName == null ? "" : codeOrName.strip();
		return members.values().stream().filter(u -> u.code().equals(key) || u.name().equals(key)).findFirst();
	}

	public String sha256() {
		return sha256;
	}

}
