package com.incidents.severity.audit.model;

import java.util.List;

/** One page of the change history, newest first; {@code nextCursor} fetches the next (older) page, null at the end. */
public record ChangePage(List<ChangeSummary> items, String nextCursor) {
}
