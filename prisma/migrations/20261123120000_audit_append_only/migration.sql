-- The audit trail is append-only: the database itself refuses UPDATE and DELETE on
-- AuditEvent. Only a maintenance row (written by the seed when it wipes a database)
-- lifts the rule; the application never writes one.
CREATE TABLE "_cm_maintenance" ("reason" TEXT NOT NULL);

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
WHEN NOT EXISTS (SELECT 1 FROM "_cm_maintenance")
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
WHEN NOT EXISTS (SELECT 1 FROM "_cm_maintenance")
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
