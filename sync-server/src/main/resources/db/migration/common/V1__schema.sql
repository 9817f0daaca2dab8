-- TicketSync server schema (DESIGN.md §2, §4–§7). Portable between H2 2.x and PostgreSQL; vendor-only parts live in
-- db/migration/h2 and db/migration/postgresql. Text stays VARCHAR (not CLOB): H2 stores CLOBs apart, which is slow.

-- One row: the newest change-log seq and the audit chain's tail, read and moved only under the writer lock.
CREATE TABLE sync_state (
    id          INT PRIMARY KEY,
    head        BIGINT NOT NULL,
    audit_seq   BIGINT NOT NULL,
    audit_hash  VARCHAR(64) NOT NULL
);
INSERT INTO sync_state (id, head, audit_seq, audit_hash) VALUES (1, 0, 0, '');

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    login         VARCHAR(64) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    active        BOOLEAN NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tokens (
    id          UUID PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    user_login  VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    name        VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tokens_user ON tokens (user_login);

CREATE TABLE projects (
    project      VARCHAR(10) PRIMARY KEY,
    last_number  BIGINT NOT NULL
);

-- A ticket: the full snapshot as JSON in data (what pulls and GETs return), plus the columns lists filter and sort on.
CREATE TABLE tickets (
    id           UUID PRIMARY KEY,
    ticket_key   VARCHAR(32) NOT NULL UNIQUE,
    project      VARCHAR(10) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    priority     VARCHAR(4) NOT NULL,
    assignee     VARCHAR(64),
    reporter     VARCHAR(64) NOT NULL,
    title        VARCHAR(200) NOT NULL,
    description  VARCHAR(65536),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT NOT NULL,
    data         VARCHAR(1000000) NOT NULL
);
CREATE INDEX tickets_recent ON tickets (updated_at DESC, id DESC);
CREATE INDEX tickets_status ON tickets (status, updated_at DESC);
CREATE INDEX tickets_assignee ON tickets (assignee, updated_at DESC);

CREATE TABLE ticket_tags (
    ticket_id  UUID NOT NULL,
    tag        VARCHAR(40) NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag ON ticket_tags (tag);

CREATE TABLE ticket_blockers (
    ticket_id   UUID NOT NULL,
    blocker_id  UUID NOT NULL,
    PRIMARY KEY (ticket_id, blocker_id)
);
CREATE INDEX ticket_blockers_blocker ON ticket_blockers (blocker_id);

CREATE TABLE comments (
    id          UUID PRIMARY KEY,
    ticket_id   UUID NOT NULL,
    author      VARCHAR(64) NOT NULL,
    body        VARCHAR(65536) NOT NULL,
    visibility  VARCHAR(16) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    stage       INT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX comments_ticket ON comments (ticket_id, created_at);

CREATE TABLE watchers (
    ticket_id   UUID NOT NULL,
    user_login  VARCHAR(64) NOT NULL,
    PRIMARY KEY (ticket_id, user_login)
);

CREATE TABLE attachments (
    id           UUID PRIMARY KEY,
    ticket_id    UUID NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    media_type   VARCHAR(200) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    uploaded_by  VARCHAR(64) NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (ticket_id);

-- The change log, latest snapshot per entity: each write moves the entity to the next global seq. A pull is one range
-- scan over seq (DESIGN.md §5, docs/decisions/0002-change-log-latest-snapshot.md).
CREATE TABLE change_log (
    entity     VARCHAR(16) NOT NULL,
    entity_id  VARCHAR(120) NOT NULL,
    seq        BIGINT NOT NULL,
    deleted    BOOLEAN NOT NULL,
    data       VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
CREATE UNIQUE INDEX change_log_seq ON change_log (seq);

-- Append-only, hash-chained (DESIGN.md §6); a trigger per vendor refuses UPDATE and DELETE.
CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(64),
    client_id  UUID,
    ip         VARCHAR(64),
    action     VARCHAR(32) NOT NULL,
    ticket_id  UUID,
    changes    VARCHAR(1000000) NOT NULL,
    prev_hash  VARCHAR(64) NOT NULL,
    hash       VARCHAR(64) NOT NULL
);
CREATE INDEX audit_ticket ON audit_log (ticket_id, seq);
CREATE INDEX audit_actor ON audit_log (actor, seq);
CREATE INDEX audit_action ON audit_log (action, seq);
CREATE INDEX audit_at ON audit_log (at);

CREATE TABLE devices (
    client_id         UUID PRIMARY KEY,
    user_login        VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_mutation_id  BIGINT NOT NULL,
    pull_cursor       BIGINT NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE
);

-- Every handled mutation's outcome, so a re-sent one answers "duplicate" with what happened the first time.
CREATE TABLE mutations (
    client_id    UUID NOT NULL,
    mutation_id  BIGINT NOT NULL,
    status       VARCHAR(16) NOT NULL,
    seq          BIGINT,
    code         VARCHAR(32),
    message      VARCHAR(4000),
    command      VARCHAR(32) NOT NULL,
    ticket_id    UUID,
    user_login   VARCHAR(64) NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, mutation_id)
);
CREATE INDEX mutations_rejected ON mutations (status, at);
