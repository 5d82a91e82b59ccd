-- PostgreSQL only (SQLite serialises writers, so its rows commit in seq order).
-- A sequence number is taken when a transaction writes, not when it commits, so a follower
-- reading "seq > cursor" could step past a row whose transaction commits later. Each row
-- records the id of the transaction that inserted it; followers read only rows of
-- transactions older than every running one (see app/models/search-outbox.server.ts).
-- Not in schema.prisma on purpose: Prisma never reads or writes it, the database fills it.
ALTER TABLE "SearchOutbox" ADD COLUMN "txid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX "SearchOutbox_txid_seq_idx" ON "SearchOutbox" ("txid", "seq");
