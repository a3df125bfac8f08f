package org.pedaflow.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers which messages went out. An entry is written in a transaction of its own, committed as
 * soon as the message is gone: when a job sent its mail and then rolled back, the retry finds the
 * entry and does not send the mail a second time. The look-up is an ordinary read in the caller's
 * transaction (it sees every committed entry), so a mail costs one extra transaction, not two.
 */
@Component
class MailLedger {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  MailLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean alreadySent(String key) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM pedaflow_mail_ledger WHERE mail_key = ?", Integer.class, key);
    return count != null && count > 0;
  }

  void recordSent(String key, String recipient, String subject) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO pedaflow_mail_ledger (mail_key, recipient, subject, sent_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
          key, recipient, subject.length() > 250 ? subject.substring(0, 250) : subject));
    } catch (DuplicateKeyException alreadyRecorded) {
      // the same key twice means the same message: nothing more to remember
    }
  }
}
