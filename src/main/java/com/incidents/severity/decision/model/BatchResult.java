package com.incidents.severity.decision.model;

import java.util.List;

/** The answers to a batch, in request order, with how many were decided and rejected. */
public record BatchResult(int decided, int rejected, List<BatchItem> results) {
}
