-- Operators' order desk (#13): the shipment of an order, who made each step, and searches by market, status and
-- date.
ALTER TABLE shop_order
  ADD COLUMN carrier         VARCHAR(40) NULL,
  ADD COLUMN tracking_number VARCHAR(64) NULL;

-- The operator who made the step; NULL for the shopper, the payment provider or the system.
ALTER TABLE shop_order_history
  ADD COLUMN actor VARCHAR(80) NULL;

CREATE INDEX shop_order_by_placed ON shop_order (placed_at);
CREATE INDEX shop_order_by_market_status ON shop_order (market, status, placed_at);
