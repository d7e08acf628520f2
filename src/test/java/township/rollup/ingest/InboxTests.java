package township.rollup.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;

import township.rollup.submission.SourceFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The year's inbox folder: which files are submissions, in which order, and the digest of a run's input. */
class InboxTests {

	private static final String REGISTRY_SHA = "registry-sha";

	private static final String RULES = "rules-fingerprint";

	@TempDir
	Path inbox;

	private Path write(String name, String content) throws IOException {
		return Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
	}

	private String digest() {
		return Inbox.digest(2020, REGISTRY_SHA, RULES, scan().entries());
	}

	private Inbox.Scan scan() {
		return Inbox.scan(inbox, 1024);
	}

	private static List<String> names(List<Inbox.Entry> entries) {
		return entries.stream().map(Inbox.Entry::fileName).toList();
	}

	private static String sha256(byte[]... parts) {
		try {
			java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				sha.update(part);
			}
			return java.util.HexFormat.of().formatHex(sha.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyEntryIsAccountedForAndEntriesAreSortedByName() throws IOException {
		// given
		write("缑氏镇2020年政府信息公开年报.csv", "c");
		write("410381114000_邙岭镇_2020.csv", "b");
		write("410381101000_城关镇_2020.csv", "a");
		write(".DS_Store", "hidden");
		write(".410381102000_岳滩镇_2020.csv.swp", "hidden");
		write("~$410381101000_城关镇_2020.csv", "lock");
		Files.createDirectory(inbox.resolve("旧版"));
		Files.writeString(inbox.resolve("旧版").resolve("410381102000_岳滩镇_2020.csv"), "in a folder");
		Files.createSymbolicLink(inbox.resolve("410381105000_佃庄镇_2020.csv"),
				inbox.resolve("410381101000_城关镇_2020.csv"));
		Files.createSymbolicLink(inbox.resolve("链接目录"), inbox.resolve("旧版"));

		// when
		Inbox.Scan scan = scan();

		// then: files and links are entries; a link is never followed, whatever it points to
		assertThat(names(scan.entries())).containsExactly("410381101000_城关镇_2020.csv", "410381105000_佃庄镇_2020.csv",
				"410381114000_邙岭镇_2020.csv", "缑氏镇2020年政府信息公开年报.csv", "链接目录");
		assertThat(scan.entries()).extracting(Inbox.Entry::kind)
			.containsExactly(Inbox.Kind.FILE, Inbox.Kind.LINK, Inbox.Kind.FILE, Inbox.Kind.FILE, Inbox.Kind.LINK);
		assertThat(scan.folders()).containsExactly("旧版");
		assertThat(scan.ignored()).containsExactly(".410381102000_岳滩镇_2020.csv.swp", ".DS_Store",
				"~$410381101000_城关镇_2020.csv");
	}

	@Test
	void aLinkIsRecordedNotReadAndItsHashSaysLinkAndTarget() throws IOException {
		// given: a link to a file outside the inbox
		Path outside = Files.writeString(Files.createTempFile("secret", ".csv"), "secret", StandardCharsets.UTF_8);
		Path link = Files.createSymbolicLink(inbox.resolve("410381105000_佃庄镇_2020.csv"), outside);

		// when
		SourceFile source = Inbox.read(link, 1024);

		// then
		assertThat(source.bytes()).isEmpty();
		assertThat(source.notRead().why()).isEqualTo(SourceFile.Why.LINK);
		assertThat(source.notRead().detail()).isEqualTo(outside.toString());
		assertThat(source.sha256()).isEqualTo(sha256(("link\u0000410381105000_佃庄镇_2020.csv\u0000" + outside)
			.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aNamedPipeIsRecordedAndNeverOpened() throws Exception {
		// given: opening a FIFO for reading would block the run until someone writes to it
		Path fifo = inbox.resolve("410381106000_李村镇_2020.csv");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assertThat(mkfifo.waitFor()).isZero();

		// when
		Inbox.Scan scan = scan();

		// then
		assertThat(scan.entries()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(Inbox.Kind.SPECIAL);
			assertThat(e.fileName()).isEqualTo("410381106000_李村镇_2020.csv");
		});
		assertThat(Inbox.read(fifo, 1024).notRead()).isEqualTo(new SourceFile.NotRead(SourceFile.Why.SPECIAL, "FIFO"));
	}

	@Test
	void aMissingFolderIsAnEmptyInbox() {
		// when
		Inbox.Scan scan = Inbox.scan(inbox.resolve("2031"), 1024);

		// then
		assertThat(scan.entries()).isEmpty();
		assertThat(scan.folders()).isEmpty();
	}

	@Test
	void scanHashesEveryListedFile() throws IOException {
		// given: SHA-256 of "abc"
		write("410381114000_邙岭镇_2020.csv", "abc");
		write("~$410381114000_邙岭镇_2020.csv", "lock");

		// when
		List<Inbox.Entry> entries = scan().entries();

		// then
		assertThat(entries).containsExactly(new Inbox.Entry("410381114000_邙岭镇_2020.csv",
				inbox.resolve("410381114000_邙岭镇_2020.csv"), Inbox.Kind.FILE, 3,
				"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	}

	@Test
	void readReturnsTheBytesWithSizeAndHash() throws IOException {
		// given
		Path file = write("410381114000_邙岭镇_2020.csv", "abc");

		// when
		SourceFile source = Inbox.read(file, 1024);

		// then
		assertThat(source.fileName()).isEqualTo("410381114000_邙岭镇_2020.csv");
		assertThat(source.sizeBytes()).isEqualTo(3);
		assertThat(source.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(source.bytes()).containsExactly('a', 'b', 'c');
	}

	@Test
	void aFileAboveTheLimitIsRecordedWithItsSizeAndAHashOfTheLimitPlusOneByte() throws IOException {
		// given: 3 bytes over a limit of 1; only "ab" (limit + 1) is ever read
		Path file = write("big.csv", "abc");

		// when
		SourceFile source = Inbox.read(file, 1);

		// then
		assertThat(source.sizeBytes()).isEqualTo(3);
		assertThat(source.sha256())
			.isEqualTo(sha256("too-large\u00003\u0000".getBytes(StandardCharsets.UTF_8), "ab".getBytes(StandardCharsets.UTF_8)));
		assertThat(source.bytes()).isEmpty();
		assertThat(scanOf(file, 1)).isEqualTo(source.sha256());
	}

	private String scanOf(Path file, long limit) {
		return Inbox.scan(file.getParent(), limit).entries().stream()
			.filter(e -> e.path().equals(file)).findFirst().orElseThrow().sha256();
	}

	@Test
	void theDigestIsStableWhenNothingChanges() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		write("410381101000_城关镇_2020.csv", "T3.r1,x,2\n");
		String before = digest();

		// when
		String after = digest();

		// then
		assertThat(after).isEqualTo(before).hasSize(64);
	}

	@Test
	void theDigestIsStableWhenOnlyTheModificationTimeChanges() throws IOException {
		// given
		Path file = write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();

		// when
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-01-15T08:00:00Z")));

		// then
		assertThat(digest()).isEqualTo(before);
	}

	@Test
	void theDigestIsStableWhenAFileThatIsNoSubmissionAppears() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();

		// when
		write("~$410381114000_邙岭镇_2020.csv", "lock");
		write(".hidden.csv", "x");
		Files.createDirectory(inbox.resolve("备份"));

		// then
		assertThat(digest()).isEqualTo(before);
	}

	@Test
	void theDigestChangesWhenAFilesContentChanges() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();

		// when
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,2\n");

		// then
		assertThat(digest()).isNotEqualTo(before);
	}

	@Test
	void theDigestChangesWhenAFileIsAdded() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();

		// when
		write("410381101000_城关镇_2020.csv", "T3.r1,x,1\n");

		// then
		assertThat(digest()).isNotEqualTo(before);
	}

	@Test
	void theDigestChangesWhenAFileIsRenamedOrRemoved() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		write("410381101000_城关镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();

		// when
		Files.move(inbox.resolve("410381114000_邙岭镇_2020.csv"), inbox.resolve("邙岭镇.csv"));
		String renamed = digest();
		Files.delete(inbox.resolve("邙岭镇.csv"));
		String removed = digest();

		// then
		assertThat(renamed).isNotEqualTo(before);
		assertThat(removed).isNotEqualTo(before).isNotEqualTo(renamed);
	}

	@Test
	void theDigestChangesWithTheYearTheRegistryAndTheRules() throws IOException {
		// given
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		List<Inbox.Entry> entries = scan().entries();
		String base = Inbox.digest(2020, REGISTRY_SHA, RULES, entries);

		// when / then
		assertThat(Inbox.digest(2021, REGISTRY_SHA, RULES, entries)).isNotEqualTo(base);
		assertThat(Inbox.digest(2020, "other-registry", RULES, entries)).isNotEqualTo(base);
		assertThat(Inbox.digest(2020, REGISTRY_SHA, "other-rules", entries)).isNotEqualTo(base);
		assertThat(Inbox.digest(2020, REGISTRY_SHA, RULES, entries)).isEqualTo(base);
	}

	@Test
	void theDigestOfAnEmptyInboxIsDefinedAndDiffersFromOneWithAnEmptyFile() throws IOException {
		// given
		String empty = digest();

		// when
		write("410381114000_邙岭镇_2020.csv", "");

		// then
		assertThat(empty).hasSize(64);
		assertThat(digest()).isNotEqualTo(empty);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			410381102000_岳滩镇_2020.csv          | CSV     | true
			410381102000_岳滩镇_2020.CSV          | CSV     | true
			岳滩镇.Xlsx                            | XLSX    | true
			410381102000_岳滩镇_2020.xls          | XLS     | true
			410381102000_岳滩镇_2020.XLSM         | XLSM    | true
			410381102000_岳滩镇_2020.xlsb         | XLSB    | true
			410381102000_岳滩镇_2020_盖章.pdf      | PDF     | false
			410381102000_岳滩镇_2020_盖章.PDF      | PDF     | false
			410381102000_岳滩镇_2020.csv.pdf      | PDF     | false
			岳滩镇说明.doc                          | WORD    | false
			岳滩镇说明.DOCX                         | WORD    | false
			岳滩镇说明.wps                          | WORD    | false
			盖章页.jpg                             | IMAGE   | false
			盖章页.JPEG                            | IMAGE   | false
			盖章页.png                             | IMAGE   | false
			盖章页.tif                             | IMAGE   | false
			410381102000_岳滩镇_2020.zip          | ARCHIVE | false
			410381102000_岳滩镇_2020.rar          | ARCHIVE | false
			全部乡镇.7z                             | ARCHIVE | false
			Thumbs.db                             | SYSTEM  | false
			thumbs.DB                             | SYSTEM  | false
			desktop.ini                           | SYSTEM  | false
			.DS_Store                             | SYSTEM  | false
			410381102000_岳滩镇_2020.txt          | OTHER   | false
			410381102000_岳滩镇_2020              | OTHER   | false
			410381102000_岳滩镇_2020.csv.bak      | OTHER   | false
			岳滩镇.et                              | OTHER   | false
			other.db                              | OTHER   | false
			""")
	void theKindOfAFileIsDecidedByItsExtensionInAnyCase(String name, Inbox.Named kind, boolean submission) {
		assertThat(Inbox.Named.of(name)).isEqualTo(kind);
		assertThat(Inbox.isSubmission(name)).isEqualTo(submission);
		assertThat(new Inbox.Entry(name, inbox.resolve("x"), Inbox.Kind.FILE, 0, "0").isSubmission())
			.isEqualTo(submission);
	}

	@Test
	void whatAFileThatIsNotASubmissionLooksLikeInAClerksWords() {
		Messages zh = Messages.of(Language.ZH);
		Messages en = Messages.of(Language.EN);
		assertThat(Inbox.Named.of("岳滩镇_盖章.pdf").describe(zh, "岳滩镇_盖章.pdf")).isEqualTo("PDF 文档");
		assertThat(Inbox.Named.of("岳滩镇_盖章.pdf").describe(en, "岳滩镇_盖章.pdf")).isEqualTo("a PDF document");
		assertThat(Inbox.Named.of("说明.TXT").describe(zh, "说明.TXT")).isEqualTo("扩展名为 .txt 的文件");
		assertThat(Inbox.Named.of("说明.TXT").describe(en, "说明.TXT")).isEqualTo("a .txt file");
		assertThat(Inbox.Named.of("岳滩镇").describe(zh, "岳滩镇")).isEqualTo("没有扩展名的文件");
		assertThat(Inbox.Named.of("Thumbs.db").describe(zh, "Thumbs.db")).isEqualTo("操作系统自动生成的文件");
	}

	@Test
	void theLineCountsTheFilesThatAreNotSubmissionsByGroup() {
		List<String> names = List.of("a_盖章.pdf", "b.PDF", "c.docx", "d.jpg", "e.png", "f.zip", "Thumbs.db", "g.txt");
		assertThat(Inbox.notSubmissionsLine(Messages.of(Language.ZH), names))
			.contains("收件目录中不是报表的文件 8 个：PDF 2，Word 1，图片 2，压缩包 1，其他 2");
		assertThat(Inbox.notSubmissionsLine(Messages.of(Language.EN), List.of("a.pdf", "desktop.ini")))
			.contains("Files in the inbox that are not reports: 2 (PDF 1, other 1)");
		assertThat(Inbox.notSubmissionsLine(Messages.of(Language.ZH), List.of())).isEmpty();
	}

	@Test
	void aFileThatIsNotASubmissionIsStillAnEntryOfTheScanAndOfTheDigest() throws IOException {
		// given: an OLE file (the magic bytes of an .xls) that Windows leaves in a folder
		write("410381114000_邙岭镇_2020.csv", "T3.r1,x,1\n");
		String before = digest();
		Files.write(inbox.resolve("Thumbs.db"), new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
				(byte) 0xB1, 0x1A, (byte) 0xE1 });

		// when
		Inbox.Scan scan = scan();

		// then: listed, so that it is reported, and never a submission
		assertThat(names(scan.entries())).containsExactly("410381114000_邙岭镇_2020.csv", "Thumbs.db");
		assertThat(scan.entries()).extracting(Inbox.Entry::isSubmission).containsExactly(true, false);
		assertThat(digest()).isNotEqualTo(before);
	}

}
