package com.incidents.severity.audit.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the hash chain: how many records were checked, the chain head, and the
 * first record that does not match (with what is wrong), if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyReport(boolean valid, long checked, Long fromSeq, Long toSeq, String headHash,
        Long firstBadSeq, String firstBadDecisionId, String problem) {
}
