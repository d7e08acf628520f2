package township.rollup.board;

import java.time.Instant;

/** A board line with who sent what and when: the version, file and arrival its verdict rests on. */
public record FiledLine(BoardLine line, Integer version, String fileName, String sha256, String encoding,
		Instant receivedAt) {
}
