-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE
-- on AuditEvent. Only a maintenance row (written by the seed when it wipes a database)
-- lifts the rule; the application never writes one.
CREATE TABLE "_cm_maintenance" ("reason" TEXT NOT NULL);

CREATE FUNCTION cm_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "_cm_maintenance") THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION cm_audit_append_only();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION cm_audit_append_only();
