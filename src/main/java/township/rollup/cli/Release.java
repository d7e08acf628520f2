package township.rollup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * The release this program is, from the build: {@code META-INF/build-info.properties} when the build
 * writes it (Spring Boot's {@code build-info} goal), else the jar manifest's {@code Implementation-Version};
 * {@code dev} when run from classes (tests, an IDE). Printed by {@code --version}, recorded with every run
 * (job parameter {@code release}) and written in runs.log lines.
 */
public final class Release {

	private static final String VERSION = find();

	private Release() {
	}

	public static String version() {
		return VERSION;
	}

	private static String find() {
		try (InputStream in = Release.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
			if (in != null) {
				Properties info = new Properties();
				info.load(in);
				String version = info.getProperty("build.version");
				if (version != null && !version.isBlank()) {
					return version.strip();
				}
			}
		}
		catch (IOException ex) {
			// unreadable: the manifest below, or dev
		}
		String version = Release.class.getPackage().getImplementationVersion();
		return version == null || version.isBlank() ? "dev" : version.strip();
	}

	/** {@code rollup --version}. */
	static final class Provider implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "township-rollup " + version() };
		}

	}

}
