/**
 * Files people read: blank templates and consolidated reports in the submission format, the status
 * board and the findings list. Written as UTF-8 with a BOM so that Excel opens the Chinese correctly,
 * and replaced atomically so that a reader never sees half a file.
 */
package township.rollup.output;
