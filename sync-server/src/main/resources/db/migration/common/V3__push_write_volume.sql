-- What a push writes, stored once and compactly (docs/decisions/0005-push-write-volume.md).

-- A ticket's JSON lives only in its change_log row, which every write of the ticket already keeps current; the tickets
-- row keeps the columns lists filter and sort on.
ALTER TABLE tickets DROP COLUMN data;

-- An audit entry about a ticket syncs to replicas as an entity of its own (DESIGN.md §5). Its global seq is kept in
-- the entry's own row rather than in a second copy of the entry in change_log: entries never change, so the row is
-- already their latest snapshot. Entries logged before this migration keep their change_log rows; pulls read both.
ALTER TABLE audit_log ADD COLUMN change_seq BIGINT;
CREATE UNIQUE INDEX audit_change_seq ON audit_log (change_seq);

-- The accepted mutations of one push transaction, in one row rather than one row each: "mutationId:seq" pairs,
-- comma-separated, in order. A rejected mutation keeps its own row in mutations (with what the console shows).
-- Mutations handled before this migration keep their rows in mutations; duplicates are answered from both.
CREATE TABLE accepted_mutations (
    client_id          UUID NOT NULL,
    first_mutation_id  BIGINT NOT NULL,
    last_mutation_id   BIGINT NOT NULL,
    accepted           VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (client_id, last_mutation_id)
);
