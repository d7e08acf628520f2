package township.rollup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.event.ContextClosedEvent;

import township.rollup.i18n.Messages;
import township.rollup.web.Accounts;
import township.rollup.web.PortalApplication;
import township.rollup.web.PortalSettings;

/**
 * {@code serve}: starts the submission portal and runs until stopped (Ctrl-C, SIGTERM). It holds the run
 * lock for its whole life (the embedded database has one owner), and says so in the lock file, so that
 * every other command that opens the database exits 75 naming the portal. On a fresh database it prints a
 * one-time password for the first {@code admin} account, once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
class ServeCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions global;

	@Option(names = "--port", paramLabel = "PORT", descriptionKey = "help.serve.port")
	Integer port;

	@Option(names = "--bind", paramLabel = "ADDRESS", descriptionKey = "help.serve.bind")
	String bind;

	@Option(names = "--year", paramLabel = "YYYY", descriptionKey = "help.serve.year")
	Integer year;

	@Override
	public Integer call() {
		if (year != null && (year < 2008 || year > 2100)) {
			throw new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.year.invalid", year));
		}
		List<String> args = new ArrayList<>();
		args.add("--spring.main.web-application-type=servlet");
		if (port != null) {
			args.add("--server.port=" + port);
		}
		if (bind != null) {
			args.add("--server.address=" + bind);
		}
		if (year != null) {
			args.add("--rollup.portal.year=" + year);
		}
		RunRecord.servingThePortal();
		return SpringLauncher.run(global, PortalApplication.class, SpringLauncher.Needs.DATABASE, args, context -> {
			CountDownLatch closed = new CountDownLatch(1);
			context.addApplicationListener(event -> {
				if (event instanceof ContextClosedEvent) {
					closed.countDown();
				}
			});
			RollupProperties settings = context.getBean(RollupProperties.class);
			Messages texts = settings.messages();
			PortalSettings portal = context.getBean(PortalSettings.class);
			String host = context.getEnvironment().getProperty("server.address", "127.0.0.1");
			String address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
					+ context.getEnvironment().getProperty("local.server.port");
			RunLock.describeHolder(RunLock.PORTAL + address + " pid " + ProcessHandle.current().pid());
			Console.OUT.println(texts.get("serve.started", address, portal.year(), portal.registry().consolidating().name()));
			Optional<String> first = context.getBean(Accounts.class).firstAdmin(portal.registry(), portal.language());
			if (first.isPresent()) {
				Console.OUT.println(texts.get("serve.first-admin", Accounts.FIRST_ADMIN));
				Console.OUT.println(first.get());
			}
			Console.OUT.println(texts.get("serve.stop"));
			try {
				closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ExitCodes.OK;
		});
	}

}
