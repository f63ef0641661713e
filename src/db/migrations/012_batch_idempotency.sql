-- A system feed names each batch of figures it sends with an Idempotency-Key. The key is kept with the batch's
-- commit, so a retried request is answered from the first one, and the same key sent with other figures is refused.
ALTER TABLE uploads ADD COLUMN idempotency_key text
  CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX uploads_idempotency_key ON uploads (council_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
