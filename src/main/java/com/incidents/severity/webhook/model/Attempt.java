package com.incidents.severity.webhook.model;

import java.time.Instant;

/**
 * One attempt to send a delivery: when, the HTTP status answered (null when there was none) or
 * the error that prevented one, and how long it took.
 */
public record Attempt(int n, Instant at, Integer status, String error, long millis) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}
