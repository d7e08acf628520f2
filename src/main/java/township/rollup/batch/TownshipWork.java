package township.rollup.batch;

import java.util.List;

import township.rollup.registry.Unit;
import township.rollup.store.ReceivedFileStore.InboxEntry;

/**
 * One item of the assess step: a registered township and the inbox files that speak for it, or, with
 * no unit, one file that speaks for no registered unit.
 */
record TownshipWork(Unit unit, List<InboxEntry> files) {
}
