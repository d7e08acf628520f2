-- The annual run: a consolidated report is NIGHTLY (rolled up while submissions arrive), PROVISIONAL
-- (the annual run found the year incomplete) or FINAL (the year is frozen). A finalized year keeps the
-- digest of the inputs it was finalized on, and the hashes of its input and output files.
ALTER TABLE consolidated_report ADD COLUMN stage VARCHAR(16) DEFAULT 'NIGHTLY' NOT NULL;
ALTER TABLE report_year_state ADD COLUMN final_digest CHAR(64);
ALTER TABLE report_year_state ADD COLUMN final_job_execution_id BIGINT;

CREATE TABLE year_manifest (
	report_year INTEGER NOT NULL,
	kind VARCHAR(8) NOT NULL,
	name VARCHAR(512) NOT NULL,
	unit_code CHAR(12),
	sha256 CHAR(64) NOT NULL,
	CONSTRAINT year_manifest_pk PRIMARY KEY (report_year, kind, name)
);
