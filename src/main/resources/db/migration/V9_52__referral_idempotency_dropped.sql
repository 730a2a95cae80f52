-- The referral module's own Idempotency-Key table gave way to shared_idempotency (V9_50, decision 0091).
drop table referral_idempotency;
