-- Issue 11: an order's recipient (the delivery address, one line per field, with the recipient's name and phone,
-- and the e-mail address given at checkout) is stored encrypted like the accounts' personal values
-- (docs/security/pii-encryption.md): `pii1:<key id>:<base64url(IV || ciphertext || tag)>`, about 4/3 of the UTF-8
-- bytes plus 80 characters. ship_to held up to 4,000 characters (16,000 bytes): TEXT holds their encrypted form;
-- a 254-byte address needs 416 characters. Orders already placed are encrypted by the Java migration 69.1
-- (dev.onshore.was.orders.internal.OrderRecipientEncryption), which needs the key file.
ALTER TABLE shop_order
  MODIFY COLUMN ship_to TEXT         NOT NULL,
  MODIFY COLUMN email   VARCHAR(420) NOT NULL;
