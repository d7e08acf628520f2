/**
 * The database, through plain Spring JDBC: files as received, versions, findings, the status board and
 * consolidated reports. The same SQL runs on HSQLDB and PostgreSQL; only the DDL is per vendor.
 */
package township.rollup.store;
