package township.rollup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import township.rollup.TownshipRollupApplication;
import township.rollup.i18n.Text;
import township.rollup.rules.RuleFileException;
import township.rollup.store.DatabaseLock;

/**
 * Starts Spring for one command and returns the process exit code through
 * {@code SpringApplication.exit}. The run lock is taken as soon as the settings are known and before
 * the database is opened, so a second run is turned away at once instead of waiting on HSQLDB's lock.
 */
final class SpringLauncher {

	private static final Logger log = LoggerFactory.getLogger(SpringLauncher.class);

	private SpringLauncher() {
	}

	/** What a command needs: the database (and so the lock), or only the settings. */
	enum Needs {

		DATABASE, SETTINGS

	}

	static int run(GlobalOptions options, Needs needs, ToIntFunction<ConfigurableApplicationContext> command) {
		return run(options, needs == Needs.DATABASE ? TownshipRollupApplication.class : SettingsConfiguration.class,
				needs, List.of(), null, command);
	}

	/** A command on the database that hands its run to the running portal instead of exiting 75. */
	static int run(GlobalOptions options, HandsOver handsOver, ToIntFunction<ConfigurableApplicationContext> command) {
		return run(options, TownshipRollupApplication.class, Needs.DATABASE, List.of(), handsOver, command);
	}

	static int run(GlobalOptions options, Class<?> application, Needs needs, List<String> extra,
			ToIntFunction<ConfigurableApplicationContext> command) {
		return run(options, application, needs, extra, null, command);
	}

	/**
	 * {@link #run(GlobalOptions, Needs, ToIntFunction)} with another application class and more Spring
	 * arguments: the portal ({@code serve}) is the same application with its web configuration added.
	 */
	private static int run(GlobalOptions options, Class<?> application, Needs needs, List<String> extra,
			HandsOver handsOver, ToIntFunction<ConfigurableApplicationContext> command) {
		SpringApplication app = new SpringApplication(application);
		if (needs == Needs.DATABASE) {
			app.addListeners(lockOnSettings(handsOver));
		}
		List<String> args = new ArrayList<>(options.springArguments());
		args.addAll(extra);
		ConfigurableApplicationContext context;
		try {
			context = app.run(args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof HandedOver handed) {
					return handed.code;
				}
			}
			CommandException known = find(ex);
			if (known != null) {
				Console.ERR.println(known.getMessage());
				return known.exitCode();
			}
			if (brokenRules(ex) != null) {
				Console.ERR.println(AnyLanguage.text("cli.any.rules.broken", Text.bilingual(brokenRules(ex))));
				return ExitCodes.USAGE;
			}
			// rollup.publish-lang=fr: the bean that reads it names the setting, in both languages
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof township.rollup.i18n.Language.Unknown unknown) {
					Console.ERR.println(unknown.getMessage());
					return ExitCodes.USAGE;
				}
			}
			log.error("start-up failed", ex);
			AnyLanguage.printBoth(Console.ERR, "cli.startup.failed", rootMessage(ex));
			return isConfiguration(ex) ? ExitCodes.USAGE : ExitCodes.FAILED;
		}
		int code;
		try {
			code = command.applyAsInt(context);
		}
		catch (RuntimeException ex) {
			code = report(ex);
		}
		if (!context.isActive()) {
			// the portal, stopped by a signal: the shutdown hook closed the context already
			return code;
		}
		context.getBean(CommandExitCode.class).set(code);
		return SpringApplication.exit(context);
	}

	/**
	 * What a command's failure prints and its exit code; also the answer to a run handed over to the portal
	 * ({@link HandOver}), which fails the same way.
	 */
	static int report(RuntimeException ex) {
		CommandException known = find(ex);
		if (known != null) {
			Console.ERR.println(known.getMessage());
			return known.exitCode();
		}
		if (brokenRules(ex) != null) {
			Console.ERR.println(AnyLanguage.text("cli.any.rules.broken", Text.bilingual(brokenRules(ex))));
			return ExitCodes.USAGE;
		}
		log.error("command failed", ex);
		AnyLanguage.printBoth(Console.ERR, "cli.command.failed", rootMessage(ex));
		return ExitCodes.FAILED;
	}

	/**
	 * A command that, finding the run lock held by the running portal, hands its run to it ({@link HandOver})
	 * instead of exiting 75; the run's exit code.
	 */
	@FunctionalInterface
	interface HandsOver {

		int handOver(java.nio.file.Path lockFile, String portal, org.springframework.core.env.Environment environment);

	}

	/** The run was handed over to the portal and ended with {@code code}; Spring is not started here. */
	static final class HandedOver extends RuntimeException {

		private final int code;

		HandedOver(int code) {
			super(null, null, false, false);
			this.code = code;
		}

	}

	private static ApplicationListener<ApplicationEnvironmentPreparedEvent> lockOnSettings(HandsOver handsOver) {
		return event -> {
			var environment = event.getEnvironment();
			String lockFile = environment.getProperty("rollup.lock-file");
			java.nio.file.Path lock = java.nio.file.Path.of(lockFile);
			try {
				RunLock.acquire(lock);
			}
			catch (CommandException ex) {
				String portal = ex.exitCode() == ExitCodes.LOCKED && handsOver != null ? RunLock.portalHolding(lock) : null;
				if (portal == null) {
					throw ex;
				}
				throw new HandedOver(handsOver.handOver(lock, portal, environment));
			}
			// a PostgreSQL database may be shared by installations with lock files of their own
			String url = environment.getProperty("spring.datasource.url");
			if (DatabaseLock.appliesTo(url)) {
				boolean locked;
				try {
					locked = DatabaseLock.acquire(url, environment.getProperty("spring.datasource.username"),
							environment.getProperty("spring.datasource.password"));
				}
				catch (java.sql.SQLException ex) {
					throw new CommandException(ExitCodes.FAILED,
							AnyLanguage.text("cli.any.lock.database-unreachable", String.valueOf(ex.getMessage())));
				}
				if (!locked) {
					throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.lock.database-busy", url));
				}
			}
		};
	}

	private static CommandException find(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CommandException c) {
				return c;
			}
		}
		return null;
	}

	/** A rule file the catalogue could not compile: a configuration error (exit 2), found before any job. */
	static RuleFileException brokenRules(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RuleFileException broken) {
				return broken;
			}
		}
		return null;
	}

	private static boolean isConfiguration(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BindException || t instanceof IllegalArgumentException
					|| t instanceof township.rollup.registry.RegistryException) {
				return true;
			}
		}
		return false;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof Text.Worded) {
			return Text.bilingual(root);
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : message;
	}

}
