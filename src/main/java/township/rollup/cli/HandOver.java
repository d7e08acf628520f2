package township.rollup.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

/**
 * {@code jobs/rollup nightly} handing its run to the running portal, which holds the run lock (and so the
 * embedded database) for its whole life, and waiting for the result: the same summary, printed on the
 * portal's thread into this command's streams, and the same exit code.
 * <p>
 * The channel is a Unix domain socket in a folder beside the lock file that only the installation's owner
 * may enter (0700, checked for owner and permissions before the portal listens), and the portal also
 * checks the peer's user ({@code SO_PEERCRED}): no secret to write, leak or rotate, nothing on a TCP port,
 * so no portal user, no browser and no cookie can ever reach it, whatever the portal's routes or its
 * proxy. The socket is removed when the portal stops. A path longer than the kernel's limit (about 100
 * bytes) leaves the portal without a hand-over: the command then exits 75 as before.
 * <p>
 * The exchange: one request (job, year, force, unit, the caller's console language), then frames from the
 * portal: {@code S} the run has its turn, {@code O}/{@code E} bytes of its output and error,
 * {@code X} its exit code.
 */
public final class HandOver {

	private static final Logger log = LoggerFactory.getLogger(HandOver.class);

	private static final byte STARTED = 'S';

	private static final byte OUT = 'O';

	private static final byte ERR = 'E';

	private static final byte EXIT = 'X';

	private HandOver() {
	}

	/** What the waiting command asks the portal to run. */
	public record Request(String job, int year, boolean force, String unit, Messages texts) {
	}

	/** The portal's side: runs a request (one at a time with its own runs), printing to the console. */
	@FunctionalInterface
	public interface Runner {

		/** Called once the run may start: when it has the portal's run slot. */
		int run(Request request, Runnable started);

	}

	/** The socket for the run lock {@code lockFile}: in a folder of its own beside it. */
	static Path socket(Path lockFile) {
		Path lock = lockFile.toAbsolutePath().normalize();
		return lock.resolveSibling(lock.getFileName() + ".handover").resolve("socket");
	}

	// ---- the waiting command --------------------------------------------------------------------------

	/**
	 * Asks the portal holding {@code lockFile} to run the job and prints what it prints; the run's exit
	 * code. A portal that cannot be reached, or stops before the run has its turn: 75 (nothing ran); one
	 * that stops during the run: 1 (the next run resumes it).
	 */
	static int request(Path lockFile, String portal, String job, int year, boolean force, String unit, String lang) {
		Path socket = socket(lockFile);
		boolean started = false;
		try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
			out.writeUTF(job);
			out.writeInt(year);
			out.writeBoolean(force);
			out.writeUTF(unit == null ? "" : unit);
			out.writeUTF(lang == null ? "" : lang);
			out.flush();
			DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
			while (true) {
				byte kind = in.readByte();
				switch (kind) {
					case STARTED -> started = true;
					case OUT, ERR -> {
						byte[] bytes = new byte[in.readInt()];
						in.readFully(bytes);
						(kind == OUT ? Console.OUT : Console.ERR).write(bytes);
						(kind == OUT ? Console.OUT : Console.ERR).flush();
					}
					case EXIT -> {
						return in.readInt();
					}
					default -> throw new IOException("unexpected frame " + kind);
				}
			}
		}
		catch (EOFException ex) {
			return stopped(lockFile, portal, started);
		}
		catch (IOException | RuntimeException ex) {
			if (started) {
				return stopped(lockFile, portal, true);
			}
			throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.handover.unreachable", lockFile,
					portal, socket, String.valueOf(ex.getMessage())));
		}
	}

	private static int stopped(Path lockFile, String portal, boolean started) {
		if (started) {
			throw new CommandException(ExitCodes.FAILED, AnyLanguage.text("cli.any.handover.stopped-running", portal));
		}
		throw new CommandException(ExitCodes.LOCKED, AnyLanguage.text("cli.any.handover.stopped-waiting", portal));
	}

	// ---- the portal -----------------------------------------------------------------------------------

	/** The portal's listening end; {@link #close} removes the socket. */
	public static final class Listener implements AutoCloseable {

		private final ServerSocketChannel server;

		private final Path socket;

		private final Thread thread;

		private Listener(ServerSocketChannel server, Path socket, Runner runner, Messages own) {
			this.server = server;
			this.socket = socket;
			this.thread = new Thread(() -> accept(runner, own), "hand-over");
			thread.setDaemon(true);
			thread.start();
		}

		private void accept(Runner runner, Messages own) {
			while (server.isOpen()) {
				SocketChannel channel;
				try {
					channel = server.accept();
				}
				catch (IOException ex) {
					return;
				}
				Thread one = new Thread(() -> serve(channel, runner, own), "hand-over-run");
				one.setDaemon(true);
				one.start();
			}
		}

		@Override
		public void close() {
			try {
				server.close();
				Files.deleteIfExists(socket);
			}
			catch (IOException ex) {
				log.warn("cannot remove the hand-over socket {}: {}", socket, ex.getMessage());
			}
		}

	}

	/**
	 * Listens beside the lock file this process holds; empty (and a warning in the log) when the folder is
	 * not the owner's alone or the socket cannot be made: {@code nightly} then exits 75 as without it.
	 */
	public static java.util.Optional<Listener> listen(Path lockFile, Runner runner, Messages own) {
		Path socket = socket(lockFile);
		Path folder = socket.getParent();
		try {
			Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
			if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
				Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			// created by someone else, or opened up since: not a channel only the owner can use
			if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
					|| !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(ownerOnly)) {
				log.warn("no hand-over: {} must be a folder of {} alone (rwx------)", folder, System.getProperty("user.name"));
				return java.util.Optional.empty();
			}
			// we hold the run lock, so a socket left here is a stopped portal's
			Files.deleteIfExists(socket);
			ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			server.bind(UnixDomainSocketAddress.of(socket));
			return java.util.Optional.of(new Listener(server, socket, runner, own));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("no hand-over through {}: {}", socket, ex.getMessage());
			return java.util.Optional.empty();
		}
	}

	private static void serve(SocketChannel channel, Runner runner, Messages own) {
		try (channel) {
			String peer = channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
			if (!peer.equals(System.getProperty("user.name"))) {
				log.warn("hand-over refused to user {}", peer);
				return;
			}
			DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
			String job = in.readUTF();
			int year = in.readInt();
			boolean force = in.readBoolean();
			String unit = in.readUTF();
			String lang = in.readUTF();
			Messages texts = own;
			if (!lang.isBlank()) {
				try {
					texts = Messages.of(Language.of(lang, Language.CONSOLE_SETTING));
				}
				catch (Language.Unknown ex) {
					texts = own;
				}
			}
			Request request = new Request(job, year, force, unit.isBlank() ? null : unit, texts);
			DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
			log.info("{} of {} handed over by a waiting command", job, year);
			int code = Console.captured(new Frames(out, OUT), new Frames(out, ERR), () -> {
				try {
					return runner.run(request, () -> frame(out, STARTED, null));
				}
				catch (RuntimeException ex) {
					return SpringLauncher.report(ex);
				}
			});
			synchronized (out) {
				out.writeByte(EXIT);
				out.writeInt(code);
				out.flush();
			}
			log.info("{} of {} handed over ended with exit code {}", job, year, code);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("hand-over ended early: {}", ex.getMessage());
		}
	}

	private static void frame(DataOutputStream out, byte kind, byte[] bytes) {
		synchronized (out) {
			try {
				out.writeByte(kind);
				if (bytes != null) {
					out.writeInt(bytes.length);
					out.write(bytes);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the waiting command is gone (killed, or its cron job timed out): the run goes on
				log.debug("hand-over frame not delivered: {}", ex.getMessage());
			}
		}
	}

	/** What the run prints, as frames of one kind. */
	private static final class Frames extends OutputStream {

		private final DataOutputStream out;

		private final byte kind;

		Frames(DataOutputStream out, byte kind) {
			this.out = out;
			this.kind = kind;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			if (len > 0) {
				frame(out, kind, java.util.Arrays.copyOfRange(b, off, off + len));
			}
		}

	}

}
