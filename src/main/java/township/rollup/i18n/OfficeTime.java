package township.rollup.i18n;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every time shown to people, in the office's time zone ({@code rollup.time-zone}, default the system's),
 * with the zone named once per output ({@link #note}). What is stored stays as it is: instants, and Spring
 * Batch's job repository times, which Batch keeps as the JVM's wall-clock ({@link #instant(LocalDateTime)}).
 */
public final class OfficeTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId zone;

	public OfficeTime(ZoneId zone) {
		this.zone = zone;
	}

	/** The setting's zone (an IANA name such as Asia/Shanghai); blank means the system's zone. */
	public static OfficeTime of(String setting) {
		if (setting == null || setting.isBlank()) {
			return new OfficeTime(ZoneId.systemDefault());
		}
		try {
			return new OfficeTime(ZoneId.of(setting.strip()));
		}
		catch (DateTimeException ex) {
			// a configuration error (exit 2), named as such
			throw new IllegalArgumentException("rollup.time-zone: not a time zone: " + setting, ex);
		}
	}

	public ZoneId zone() {
		return zone;
	}

	/** {@code yyyy-MM-dd HH:mm:ss} in the office's zone; empty for no time. */
	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(zone));
	}

	/** A job repository time, in the office's zone. */
	public String format(LocalDateTime jobRepositoryTime) {
		return format(instant(jobRepositoryTime));
	}

	/**
	 * Spring Batch stores its times as {@code LocalDateTime.now()}: the wall-clock of the JVM's zone, which
	 * is the zone they are read back in.
	 */
	public static Instant instant(LocalDateTime jobRepositoryTime) {
		return jobRepositoryTime == null ? null : jobRepositoryTime.atZone(ZoneId.systemDefault()).toInstant();
	}

	/** "时间均为 Asia/Shanghai（UTC+08:00）": the zone, and its offset now, once per output. */
	public String note(Messages m) {
		ZoneOffset offset = zone.getRules().getOffset(Instant.now());
		return m.get("time.zone.note", zone.getId(), "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()));
	}

}
