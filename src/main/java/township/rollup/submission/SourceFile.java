package township.rollup.submission;

/** A file as received: its name, size and SHA-256, and its bytes (kept for audit and reassessment). */
public record SourceFile(String fileName, long sizeBytes, String sha256, byte[] bytes) {

	@Override
	public String toString() {
		return "SourceFile[" + fileName + ", " + sizeBytes + " bytes, sha256=" + sha256 + "]";
	}

}
