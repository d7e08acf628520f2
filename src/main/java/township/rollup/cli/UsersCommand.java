package township.rollup.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.registry.Registry;
import township.rollup.store.AccountStore;
import township.rollup.store.AuditStore;
import township.rollup.web.Accounts;

/**
 * {@code users add|list|disable|reset}: the portal's accounts. A new or reset account's one-time password is
 * the last line of the output, alone, so that a script can take it with {@code tail -n 1}; it must be
 * changed at the first sign-in. Like every command that opens the database, not while the portal runs.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
		subcommands = { UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
				UsersCommand.Reset.class })
class UsersCommand implements Callable<Integer> {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return ExitCodes.USAGE;
	}

	/** Who did it, for the audit log: the operating system's user running the command. */
	static String actor() {
		return "cli:" + System.getProperty("user.name", "?");
	}

	static int withAccounts(GlobalOptions global, Function<Context, Integer> work) {
		return SpringLauncher.run(global, SpringLauncher.Needs.DATABASE, context -> work.apply(new Context(context)));
	}

	/** What a users command needs: the settings, the registry and the accounts. */
	record Context(RollupProperties settings, Messages texts, Accounts accounts, Language publishLanguage) {

		Context(ConfigurableApplicationContext context) {
			this(context.getBean(RollupProperties.class), context.getBean(RollupProperties.class).messages(),
					new Accounts(context.getBean(AccountStore.class), context.getBean(AuditStore.class),
							context.getBean(Clock.class)),
					Language.of(context.getEnvironment().getProperty(Language.PUBLISH_SETTING, "zh"),
							Language.PUBLISH_SETTING));
		}

		CommandException refused(Accounts.Refused refused) {
			return new CommandException(ExitCodes.USAGE, texts.get(refused.key(), refused.args()));
		}

	}

	@Command(name = "add", mixinStandardHelpOptions = true)
	static class Add implements Callable<Integer> {

		@Mixin
		GlobalOptions global;

		@Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "help.users.unit")
		String unit;

		@Option(names = "--role", required = true, paramLabel = "township|office|admin",
				descriptionKey = "help.users.role")
		String role;

		@Option(names = "--username", paramLabel = "NAME", descriptionKey = "help.users.username")
		String username;

		@Option(names = "--name", paramLabel = "TEXT", descriptionKey = "help.users.name")
		String name;

		/** The language of the person's pages; not {@code --lang}, which is the console's. */
		@Option(names = "--language", paramLabel = "zh|en", descriptionKey = "help.users.language")
		String language;

		@Override
		public Integer call() {
			AccountStore.Role chosen = AccountStore.Role.of(role)
				.orElseThrow(() -> new CommandException(ExitCodes.USAGE, AnyLanguage.text("cli.any.users.role", role)));
			Language pages;
			try {
				pages = language == null ? null : Language.of(language, "--language");
			}
			catch (Language.Unknown ex) {
				throw new CommandException(ExitCodes.USAGE, ex.getMessage());
			}
			return withAccounts(global, c -> {
				Registry registry = c.settings().loadRegistry();
				String password;
				try {
					password = c.accounts().add(registry, unit, chosen, username, name,
							pages != null ? pages : c.publishLanguage(), actor());
				}
				catch (Accounts.Refused refused) {
					throw c.refused(refused);
				}
				String added = username == null || username.isBlank() ? registry.unit(unit.strip()).orElseThrow().code()
						: username.strip();
				Console.OUT.println(c.texts().get("users.added", added, chosen.word(), unit.strip()));
				Console.OUT.println(c.texts().get("users.one-time"));
				Console.OUT.println(password);
				return ExitCodes.OK;
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true)
	static class ListUsers implements Callable<Integer> {

		@Mixin
		GlobalOptions global;

		@Override
		public Integer call() {
			return withAccounts(global, c -> {
				Messages t = c.texts();
				List<AccountStore.Account> all = c.accounts().list();
				if (all.isEmpty()) {
					Console.OUT.println(t.get("users.none"));
					return ExitCodes.OK;
				}
				ConsoleTable table = new ConsoleTable(
						java.util.stream.Stream.of("username", "role", "unit", "name", "language", "state")
							.map(k -> t.get("users.column." + k))
							.toList(),
						java.util.Collections.nCopies(6, ConsoleTable.Align.LEFT));
				for (AccountStore.Account a : all) {
					table.row(List.of(a.username(), a.role().word(), a.unitCode(), a.displayName(), a.language(),
							t.get(a.disabled() ? "users.state.disabled" : a.mustChange() ? "users.state.must-change"
									: "users.state.active")));
				}
				table.lines().forEach(Console.OUT::println);
				return ExitCodes.OK;
			});
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true)
	static class Disable implements Callable<Integer> {

		@Mixin
		GlobalOptions global;

		@Parameters(paramLabel = "USERNAME", descriptionKey = "help.users.target")
		String username;

		@Override
		public Integer call() {
			return withAccounts(global, c -> {
				try {
					c.accounts().disable(username, actor());
				}
				catch (Accounts.Refused refused) {
					throw c.refused(refused);
				}
				Console.OUT.println(c.texts().get("users.disabled", username));
				return ExitCodes.OK;
			});
		}

	}

	@Command(name = "reset", mixinStandardHelpOptions = true)
	static class Reset implements Callable<Integer> {

		@Mixin
		GlobalOptions global;

		@Parameters(paramLabel = "USERNAME", descriptionKey = "help.users.target")
		String username;

		@Override
		public Integer call() {
			return withAccounts(global, c -> {
				String password;
				try {
					password = c.accounts().reset(username, actor());
				}
				catch (Accounts.Refused refused) {
					throw c.refused(refused);
				}
				Console.OUT.println(c.texts().get("users.reset", username));
				Console.OUT.println(c.texts().get("users.one-time"));
				Console.OUT.println(password);
				return ExitCodes.OK;
			});
		}

	}

}
