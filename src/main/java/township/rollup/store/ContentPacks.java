package township.rollup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bytes of received files, kept as append-only pack files under {@code <data-dir>/content/}: a
 * file's row in the database holds where its bytes are ({@code pack:<name>:<offset>:<length>}). A chunk's
 * bytes are appended and synced to disk before the chunk's transaction commits, so a committed row
 * never points at bytes a power cut lost; bytes of a chunk that did not commit are left unreferenced and
 * do no harm. Measured: keeping 4 KB of bytes in a database row per file costs more than everything
 * else a national run stores; one append and one fsync per chunk costs almost nothing.
 */
@Component
public class ContentPacks {

	private final Path root;

	public ContentPacks(@Value("${rollup.data-dir}") Path dataDir) {
		this.root = dataDir.resolve("content");
	}

	/** Appends the contents to the pack {@code name} and syncs it; returns where each one is. */
	public List<String> append(String name, List<byte[]> contents) {
		List<String> refs = new ArrayList<>(contents.size());
		if (contents.isEmpty()) {
			return refs;
		}
		Path pack = root.resolve(name);
		try {
			Files.createDirectories(pack.getParent());
			try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				long offset = channel.size();
				for (byte[] bytes : contents) {
					ByteBuffer buffer = ByteBuffer.wrap(bytes);
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					refs.add("pack:" + name + ":" + offset + ":" + bytes.length);
					offset += bytes.length;
				}
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + pack, ex);
		}
		return refs;
	}

	/** The bytes a reference points at. */
	public byte[] read(String ref) {
		String[] parts = ref.split(":");
		if (parts.length != 4 || !parts[0].equals("pack")) {
			throw new IllegalArgumentException("not a content reference: " + ref);
		}
		Path pack = root.resolve(parts[1]);
		int length = Integer.parseInt(parts[3]);
		try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(length);
			long position = Long.parseLong(parts[2]);
			while (buffer.hasRemaining()) {
				int n = channel.read(buffer, position + buffer.position());
				if (n < 0) {
					throw new IOException("pack " + pack + " ends before " + ref);
				}
			}
			return buffer.array();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + ref, ex);
		}
	}

}
