-- Messages already sent by a process step: a retried job does not send them twice.
CREATE TABLE IF NOT EXISTS pedaflow_mail_ledger (
  mail_key  VARCHAR(400) NOT NULL PRIMARY KEY,
  recipient VARCHAR(320) NOT NULL,
  subject   VARCHAR(255) NOT NULL,
  sent_at   TIMESTAMP    NOT NULL
);
