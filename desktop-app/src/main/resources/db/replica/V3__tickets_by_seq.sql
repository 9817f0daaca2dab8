-- The list's first screen is read before all tickets are: the tickets whose latest change came last, which is the
-- list's default order (newest update first). This index makes that a read of a few hundred rows, not of all of them.
CREATE INDEX tickets_seq ON tickets (seq);
