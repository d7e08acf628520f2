package township.rollup.web;

import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;

import township.rollup.cli.HandOver;
import township.rollup.cli.RollupProperties;

/**
 * The portal's end of {@code jobs/rollup nightly}'s hand-over: while the portal runs it owns the embedded
 * database, so cron's nightly asks it to run the year instead of being turned away. The channel is a Unix
 * domain socket only the installation's owner can open ({@link HandOver} says why not an HTTP route): no
 * portal user, browser or cookie can reach it. The run goes through {@link PortalJobs}, one at a time with
 * uploads, the schedule and "run now". The socket goes when the portal stops.
 */
final class NightlyHandOver implements DisposableBean {

	private final Optional<HandOver.Listener> listener;

	NightlyHandOver(RollupProperties rollup, PortalJobs jobs) {
		this.listener = HandOver.listen(rollup.lockFile(), jobs::handedOver, rollup.messages());
	}

	@Override
	public void destroy() {
		listener.ifPresent(HandOver.Listener::close);
	}

}
