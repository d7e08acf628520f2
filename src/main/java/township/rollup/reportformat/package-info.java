/**
 * The national standard's structure as data: tables, blocks, rows, columns, cell types and labels of
 * each report format (2019 trial, 2021), loaded from {@code resources/reportformat/}. Depends on nothing
 * else in the project; every other room depends on it.
 */
package township.rollup.reportformat;
