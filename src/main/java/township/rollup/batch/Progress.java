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

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

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

	/** What is counted; its words are {@code progress.<phase>} in the message catalogue. */
	public enum Phase {

		RECEIVED, ASSESSED;

		String key() {
			return "progress." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final Map<Phase, AtomicLong> done = new EnumMap<>(Phase.class);

	private final Map<Phase, Long> totals = new EnumMap<>(Phase.class);

	private final Map<Phase, Long> started = new EnumMap<>(Phase.class);

	private final boolean terminal;

	private final long logEveryMillis;

	private final Messages texts;

	private volatile long lastShown;

	private volatile boolean drawn;

	public Progress(@Value("${rollup.progress.log-every-seconds:5}") long logEverySeconds,
			@Value("${" + Language.CONSOLE_SETTING + ":zh}") String lang) {
		for (Phase phase : Phase.values()) {
			done.put(phase, new AtomicLong());
		}
		this.terminal = System.console() != null && !"false".equals(System.getProperty("rollup.progress.terminal"));
		this.logEveryMillis = logEverySeconds * 1000;
		this.texts = Messages.of(Language.of(lang, Language.CONSOLE_SETTING));
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
		String line = texts.get("progress.line", texts.get(phase.key()), count, total, Math.round(count / seconds));
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
