-- Counters of the readable references (ONB-, HYB-, ACH-, LABEL-, PO- + year + number) of earlier versions:
-- the references now come from one sequence per kind and year (ReferenceGenerator), which starts after
-- the value reached here. Kept so that an upgraded database goes on where it stood.
CREATE TABLE IF NOT EXISTS pedaflow_reference_counter (
  prefix     VARCHAR(16) NOT NULL,
  ref_year   INTEGER     NOT NULL,
  last_value BIGINT      NOT NULL,
  PRIMARY KEY (prefix, ref_year)
);
