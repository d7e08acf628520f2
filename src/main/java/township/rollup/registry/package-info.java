/**
 * The registry of reporting units: the consolidating unit (for example 偃师市) and the townships and
 * subdistricts that report to it, read from {@code townships.csv}.
 */
package township.rollup.registry;
