-- Counters of the readable references (ONB-, HYB-, ACH-, LABEL-, PO- + year + number).
CREATE TABLE IF NOT EXISTS pedaflow_reference_counter (
  prefix     VARCHAR(16) NOT NULL,
  ref_year   INTEGER     NOT NULL,
  last_value BIGINT      NOT NULL,
  PRIMARY KEY (prefix, ref_year)
);
