CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'dev.ticketsync.server.store.AuditAppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'dev.ticketsync.server.store.AuditAppendOnlyTrigger';
