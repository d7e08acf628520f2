-- What read a file: cells and reading findings are kept for a content together with the fingerprint of
-- the reader (its code, the formats, the reading rules) that produced them; a newer reader reads the
-- content again. Rows from before have none and are read again once.
ALTER TABLE received_file ADD COLUMN reader_fingerprint CHAR(64);
-- Metadata as written is cut (visibly) at 150 characters before it is stored; the columns hold that.
ALTER TABLE received_file ALTER COLUMN meta_unit_code TYPE VARCHAR(200);
ALTER TABLE received_file ALTER COLUMN meta_year TYPE VARCHAR(200);
ALTER TABLE received_file ALTER COLUMN meta_format TYPE VARCHAR(200);
