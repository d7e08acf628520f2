/**
 * The submission portal ({@code jobs/rollup serve}): one more adapter room, like {@code cli}. Townships sign
 * in, send their file and see its verdict at once; what a file is and what it gets is decided by the same
 * rooms as the nightly (an upload is an inbox file, received and assessed by the ingest job). Every route
 * is checked against the person's scope ({@link township.rollup.web.Scope}), and again where the data is
 * read or written.
 */
package township.rollup.web;
