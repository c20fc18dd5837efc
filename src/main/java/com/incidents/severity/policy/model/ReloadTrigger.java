package com.incidents.severity.policy.model;

/** What asked for a policy (re)load. */
public enum ReloadTrigger {
    /** The service starting. */
    STARTUP,
    /** {@code POST /api/v1/policy/reload}. */
    API,
    /** A change in the watched rules folder. */
    WATCHER,
    /** A draft published: {@code POST /api/v1/policy/drafts/{id}/publish}. */
    PUBLISH,
    /** A draft whose files are an earlier version's, published. */
    ROLLBACK,
    /** Another replica sharing the database put a version in force; this one follows it. */
    REPLICA
}
