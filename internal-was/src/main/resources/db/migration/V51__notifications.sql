-- One mail per event: a redelivered event (the publication registry delivers at least once) finds its key here
-- and sends nothing. event_key is the event's id (or the provider's refund id for refunds), kind the mail.
CREATE TABLE notification_sent (
  event_key    VARCHAR(160) NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  order_number VARCHAR(32)  NOT NULL,
  sent_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (event_key, kind),
  INDEX notification_sent_by_order (order_number)
) ENGINE = InnoDB;
