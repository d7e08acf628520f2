-- Explanations (审核说明): a township explains a warning in its file with a NOTE line. An explained
-- warning is kept with its text; the open ones keep the year from being final.
ALTER TABLE finding ADD COLUMN explanation VARCHAR(4000);
ALTER TABLE submission ADD COLUMN open_warning_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE township_status ADD COLUMN open_warning_count INTEGER DEFAULT 0 NOT NULL;
