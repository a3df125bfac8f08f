-- Purchase orders placed by the default FinanceSystem (learning-lab-purchase).
-- One order per purchase request: the unique business key makes a retried job unable to create a second one.
CREATE TABLE IF NOT EXISTS purchase_order (
  order_number             VARCHAR(20)    NOT NULL PRIMARY KEY,
  business_key             VARCHAR(20)    NOT NULL,
  process_instance_id      VARCHAR(64)    NOT NULL,
  requester_id             VARCHAR(64)    NOT NULL,
  item_description         VARCHAR(4000)  NOT NULL,
  quantity                 INTEGER        NOT NULL,
  unit_price_eur           DECIMAL(12, 2) NOT NULL,
  total_amount_eur         DECIMAL(14, 2) NOT NULL,
  supplier                 VARCHAR(1000)  NOT NULL,
  budget_line              VARCHAR(200)   NOT NULL,
  approval_level           VARCHAR(10)    NOT NULL,
  budget_commitment_number VARCHAR(200),
  tender_reference         VARCHAR(200),
  placed_at                TIMESTAMP      NOT NULL,
  CONSTRAINT uq_purchase_order_business_key UNIQUE (business_key)
);
