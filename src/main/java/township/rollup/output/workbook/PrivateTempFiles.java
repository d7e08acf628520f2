package township.rollup.output.workbook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * POI's temporary files (a streamed workbook's sheets) in a folder of this process's own. POI's
 * default is one shared {@code <tmp>/poifiles} folder, made by whichever user wrote a workbook first:
 * on a server where ops tried a run as root, the service user's nightly then failed in the publish
 * step on "/tmp/poifiles/poi-sxssf-sheet….xml" (found by InstallationReadOnlyIT running the release as nobody).
 */
final class PrivateTempFiles {

	private static boolean set;

	private PrivateTempFiles() {
	}

	static synchronized void use() {
		if (set) {
			return;
		}
		try {
			File dir = Files.createTempDirectory("township-rollup-poi-").toFile();
			// registered first, so deleted last: after the files POI leaves behind, if any
			dir.deleteOnExit();
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir));
			set = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make a temporary folder for the workbook", ex);
		}
	}

}
