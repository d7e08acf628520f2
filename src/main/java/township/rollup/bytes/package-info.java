/**
 * What is done to raw bytes before any room understands them: their SHA-256 (every file hash,
 * fingerprint and basis digest) and their decoding as text (UTF-8, UTF-8 with a BOM, GB18030), for
 * submissions, the registry and the year's settings alike. Depends on nothing else in the project.
 */
package township.rollup.bytes;
