package com.incidents.severity.audit.model;

import java.util.List;

/** One page of records, newest first; {@code nextCursor} fetches the next (older) page, null at the end. */
public record RecordPage(List<RecordSummary> items, String nextCursor) {
}
