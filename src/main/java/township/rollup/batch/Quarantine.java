package township.rollup.batch;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import township.rollup.rules.Finding;
import township.rollup.rules.FindingFactory;
import township.rollup.rules.Where;
import township.rollup.store.StoreFaults;

/**
 * Keeps the content of one file from stopping the run for the others. A chunk is written inside a
 * savepoint of its transaction; if the database refuses it because of what one item holds, the chunk
 * is written again item by item, each in its own savepoint, and an item that is still refused is
 * handed back to be recorded as quarantined. Faults of the system itself are rethrown: the run fails
 * and is resumed once the system is fixed.
 */
final class Quarantine {

	private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

	private final TransactionTemplate savepoint;

	private final FindingFactory findings;

	Quarantine(PlatformTransactionManager tx, FindingFactory findings) {
		this.savepoint = new TransactionTemplate(tx);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.findings = findings;
	}

	/** What to do with an item the database refused: record it some other way. */
	interface Refused<T> {

		void record(T item, RuntimeException fault);

	}

	/**
	 * Writes {@code items} with {@code write} in one savepoint; if the database refuses the batch for its
	 * content, writes them one at a time, and hands each it still refuses to {@code refused}.
	 */
	<T> void writeAll(List<T> items, Consumer<List<T>> write, Refused<T> refused) {
		if (items.isEmpty()) {
			return;
		}
		try {
			savepoint.executeWithoutResult(status -> write.accept(items));
			return;
		}
		catch (RuntimeException ex) {
			if (!StoreFaults.isContentFault(ex)) {
				throw ex;
			}
		}
		for (T item : items) {
			try {
				savepoint.executeWithoutResult(status -> write.accept(List.of(item)));
			}
			catch (RuntimeException ex) {
				if (!StoreFaults.isContentFault(ex)) {
					throw ex;
				}
				log.error("quarantined {}: the database refused its content", item, ex);
				refused.record(item, ex);
			}
		}
	}

	/**
	 * Runs {@code work} in a savepoint: true when it was stored, false when the database refused its
	 * content (and nothing of it was kept); faults of the system are rethrown.
	 */
	boolean attempt(Runnable work) {
		try {
			savepoint.executeWithoutResult(status -> work.run());
			return true;
		}
		catch (RuntimeException ex) {
			if (!StoreFaults.isContentFault(ex)) {
				throw ex;
			}
			log.error("the database refused a write", ex);
			return false;
		}
	}

	/** The one finding of a file whose content could not be stored. */
	Finding storeFinding(String fileName, long sizeBytes, String sha256, RuntimeException fault) {
		return findings.create("FILE-STORE", Where.file(fileName),
				Map.of("size", sizeBytes, "sha256", sha256, "reason", StoreFaults.reason(fault)))
			.orElseThrow();
	}

}
