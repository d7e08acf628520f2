package township.rollup.batch;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * A restartable reader over a list built when the step opens. The list must come out the same on a
 * restart (it is built from the run's identifying inputs), so skipping the items already committed is
 * just moving the index.
 */
abstract class ListBackedReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

	private List<T> items = List.of();

	private int index;

	ListBackedReader(String name) {
		setName(name);
	}

	protected abstract List<T> load() throws Exception;

	@Override
	protected void doOpen() throws Exception {
		items = load();
		index = 0;
	}

	@Override
	protected T doRead() {
		return index < items.size() ? items.get(index++) : null;
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		index = Math.min(itemIndex, items.size());
	}

	@Override
	protected void doClose() {
		items = List.of();
	}

}
