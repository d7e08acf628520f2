/**
 * The status board of a year, in one place and in plain Java: each unit of the registry tree with its
 * status and verdict ({@link township.rollup.board.BoardLine}), what each line means to the people who act on it
 * ({@link township.rollup.board.BoardState}, in action-first order), the tree's standings and the counts per level
 * ({@link township.rollup.board.Board}), and the annual gate's verdict ({@link township.rollup.board.Gate}). It
 * knows no output format: the run summary, report.html, the workbook, status.csv and the batch steps all read
 * the same model. {@code store/StatusStore} only reads and writes its lines.
 */
package township.rollup.board;
