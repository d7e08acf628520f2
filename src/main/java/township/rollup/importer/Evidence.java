package township.rollup.importer;

/**
 * A label in the text that only one format has: what shows the format of a table.
 *
 * @param tableCode the table it stands in
 * @param formatId the format it belongs to
 * @param label the official label, or a description of the structure seen
 * @param text the text as found
 * @param line its line
 */
public record Evidence(String tableCode, String formatId, String label, String text, int line) {
}
