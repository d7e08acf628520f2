package township.rollup.batch;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far a run is: files received and units assessed, out of how many, with a rate. On a terminal the
 * line is redrawn on standard error as chunks commit; otherwise (cron) a line goes to the log every few
 * seconds and nothing to the console, so cron mail stays short.
 */
@Component
public class Progress {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private static final java.io.PrintStream ERR = new java.io.PrintStream(
			new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);

	/** What is counted. */
	public enum Phase {

		RECEIVED("收件", "received"), ASSESSED("审核", "assessed");

		final String zh;

		final String en;

		Phase(String zh, String en) {
			this.zh = zh;
			this.en = en;
		}

	}

	private final Map<Phase, AtomicLong> done = new EnumMap<>(Phase.class);

	private final Map<Phase, Long> totals = new EnumMap<>(Phase.class);

	private final Map<Phase, Long> started = new EnumMap<>(Phase.class);

	private final boolean terminal;

	private final long logEveryMillis;

	private final boolean english;

	private volatile long lastShown;

	private volatile boolean drawn;

	public Progress(@Value("${rollup.progress.log-every-seconds:5}") long logEverySeconds,
			@Value("${rollup.lang:zh}") String lang) {
		for (Phase phase : Phase.values()) {
			done.put(phase, new AtomicLong());
		}
		this.terminal = System.console() != null && !"false".equals(System.getProperty("rollup.progress.terminal"));
		this.logEveryMillis = logEverySeconds * 1000;
		this.english = "en".equalsIgnoreCase(lang);
	}

	/** The totals of a run about to start. */
	public synchronized void start(long files, long units) {
		totals.put(Phase.RECEIVED, files);
		totals.put(Phase.ASSESSED, units);
		done.values().forEach(c -> c.set(0));
		started.clear();
		lastShown = 0;
	}

	<I, O> ChunkListener<I, O> counting(Phase phase) {
		return new ChunkListener<>() {

			@Override
			public void afterChunk(Chunk<O> chunk) {
				advance(phase, chunk.size());
			}

		};
	}

	/** Items of a phase done since the last call. */
	void advance(Phase phase, long items) {
		long now = System.currentTimeMillis();
		synchronized (this) {
			started.putIfAbsent(phase, now);
		}
		long count = done.get(phase).addAndGet(items);
		long total = totals.getOrDefault(phase, 0L);
		boolean last = total > 0 && count >= total;
		if (!last && now - lastShown < (terminal ? 250 : logEveryMillis)) {
			return;
		}
		lastShown = now;
		double seconds = Math.max(0.001, (now - started.get(phase)) / 1000.0);
		String line = String.format(english ? "%s %d/%d (%.0f/s)" : "%s %d/%d（每秒 %.0f 个）",
				english ? phase.en : phase.zh, count, total, count / seconds);
		if (terminal) {
			ERR.print("\r  " + line + "        " + (last ? "\n" : ""));
			ERR.flush();
			drawn = !last;
		}
		else {
			log.info("progress: {}", line);
		}
	}

	/** Ends a line left open on the terminal, before the summary is printed. */
	public void finish() {
		if (terminal && drawn) {
			ERR.println();
			drawn = false;
		}
	}

}
