package com.incidents.severity.audit.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the hash chain: how many records were checked (positions {@code fromSeq}
 * to {@code toSeq}, absent when none were), the chain head, and the first record that does not
 * match, with what is wrong. When a stored policy text or trace fails its hash, {@code policyVersion}
 * or {@code traceHash} names it and the first bad record is the first checked one that refers to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyReport(boolean valid, long checked, Long fromSeq, Long toSeq, String headHash,
        Long firstBadSeq, String firstBadDecisionId, String problem, String policyVersion, String traceHash) {

    public static VerifyReport valid(long checked, Long fromSeq, Long toSeq, String headHash) {
        return new VerifyReport(true, checked, fromSeq, toSeq, headHash, null, null, null, null, null);
    }
}
