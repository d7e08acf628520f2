/**
 * Published reports to submissions: reads the text or saved web page of a published 年报 into a
 * submission and a per-cell import record, placing a value only where the text leaves no doubt.
 */
package township.rollup.importer;
