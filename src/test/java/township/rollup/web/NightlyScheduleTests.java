package township.rollup.web;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NightlyScheduleTests {

	@Test
	void theNextRunIsInTheOfficesTimeZone() {
		NightlySchedule schedule = new NightlySchedule("0 30 2 * * *", ZoneId.of("Asia/Shanghai"), null, 2020);
		try {
			// 02:30 in Shanghai is 18:30 UTC the day before
			assertThat(schedule.next(Instant.parse("2026-12-06T12:00:00Z"))).contains(Instant.parse("2026-12-06T18:30:00Z"));
			assertThat(schedule.next(Instant.parse("2026-12-06T18:30:00Z"))).contains(Instant.parse("2026-12-07T18:30:00Z"));
		}
		finally {
			schedule.destroy();
		}
	}

	@Test
	void noExpressionNoSchedule() {
		NightlySchedule none = new NightlySchedule("", ZoneId.of("UTC"), null, 2020);
		assertThat(none.next(Instant.EPOCH)).isEmpty();
		none.destroy();
	}

	@Test
	void aMistypedExpressionIsRefused() {
		assertThatThrownBy(() -> new NightlySchedule("30 2 * *", ZoneId.of("UTC"), null, 2020))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
