package dev.ticketsync.model.domain;

public enum CommentKind implements WireName {
    COMMENT,
    STAGE_REPORT,
    SYSTEM
}
