-- The desktop replica (DESIGN.md §8). Server state as pulled (latest snapshot per entity, as JSON), the outbox of
-- pending mutations, the conflict inbox and sync metadata. No foreign keys between replicated tables: latest-snapshot
-- paging can bring a comment before its ticket, and an orphan simply waits for its parent.

CREATE TABLE tickets (
    id     UUID PRIMARY KEY,
    seq    BIGINT NOT NULL,
    data   VARCHAR(1000000) NOT NULL
);

CREATE TABLE comments (
    id         UUID PRIMARY KEY,
    ticket_id  UUID NOT NULL,
    seq        BIGINT NOT NULL,
    data       VARCHAR(1000000) NOT NULL
);
CREATE INDEX comments_ticket ON comments (ticket_id);

CREATE TABLE watchers (
    ticket_id   UUID NOT NULL,
    user_login  VARCHAR(64) NOT NULL,
    seq         BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, user_login)
);

CREATE TABLE users (
    login  VARCHAR(64) PRIMARY KEY,
    seq    BIGINT NOT NULL,
    data   VARCHAR(4000) NOT NULL
);

CREATE TABLE audit (
    seq        BIGINT PRIMARY KEY,
    ticket_id  UUID,
    data       VARCHAR(1000000) NOT NULL
);
CREATE INDEX audit_ticket ON audit (ticket_id, seq);

-- Mutations made here and not yet confirmed by a complete pull. acked: the server accepted it (its effects may not
-- have arrived yet, so it is still re-applied on top of server state).
CREATE TABLE outbox (
    mutation_id  BIGINT PRIMARY KEY,
    command      VARCHAR(32) NOT NULL,
    args         VARCHAR(1000000) NOT NULL,
    ticket_id    UUID NOT NULL,
    client_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    acked        BOOLEAN NOT NULL DEFAULT FALSE,
    attempts     INT NOT NULL DEFAULT 0
);

-- Rejected mutations with the user's full data, until retried or discarded. Never lost, never blocking.
CREATE TABLE conflicts (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    mutation_id  BIGINT NOT NULL,
    command      VARCHAR(32) NOT NULL,
    args         VARCHAR(1000000) NOT NULL,
    ticket_id    UUID NOT NULL,
    client_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    code         VARCHAR(32) NOT NULL,
    message      VARCHAR(4000) NOT NULL,
    field        VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sync_meta (
    name   VARCHAR(64) PRIMARY KEY,
    text_value  VARCHAR(4000) NOT NULL
);
