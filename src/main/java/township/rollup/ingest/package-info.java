/**
 * Bytes to cells: decoding (UTF-8, UTF-8 with BOM, GBK/GB18030, strictly), CSV grid reading, .xlsx
 * workbooks read into the same grid (Apache POI, read-only, within size limits), row matching against
 * the format, and cell typing. Every problem becomes a finding with the file, line, table, row and
 * column, and for a workbook the cell's address; only an internal bug throws.
 */
package township.rollup.ingest;
