/**
 * Bytes to cells: decoding (UTF-8, UTF-8 with BOM, GBK/GB18030, strictly), CSV grid reading, row
 * matching against the format, and cell typing. Every problem becomes a finding with the file, line,
 * table, row and column; only an internal bug throws.
 */
package township.rollup.ingest;
