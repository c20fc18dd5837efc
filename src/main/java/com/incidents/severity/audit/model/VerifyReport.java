package com.incidents.severity.audit.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the hash chain: how many records were checked (positions {@code fromSeq}
 * to {@code toSeq}, absent when none were), the chain head, and the first record that does not
 * match, with what is wrong. When a stored policy text or trace fails its hash, {@code policyVersion}
 * or {@code traceHash} names it and the first bad record is the first checked one that refers to it.
 * Once retention has pruned older records, {@code checkpointSeq} and {@code checkpointHash} name the
 * last pruned record: the walk starts after it, and the first record kept must link to its hash.
 * When a signed head exported earlier was compared, {@code exportedHeadSeq} and
 * {@code exportedHeadSignedAt} name it; {@code keyId} names the key that checks signatures. When the
 * first bad record is a policy change record, or a deleted one that the change after it names,
 * {@code firstBadChangeId} names that change (and {@code firstBadDecisionId} is absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyReport(boolean valid, long checked, Long fromSeq, Long toSeq, String headHash,
        Long firstBadSeq, String firstBadDecisionId, String problem, String policyVersion, String traceHash,
        Long checkpointSeq, String checkpointHash, Long exportedHeadSeq, Instant exportedHeadSignedAt, String keyId,
        String firstBadChangeId) {

    public VerifyReport(boolean valid, long checked, Long fromSeq, Long toSeq, String headHash, Long firstBadSeq,
            String firstBadDecisionId, String problem, String policyVersion, String traceHash, Long checkpointSeq,
            String checkpointHash, Long exportedHeadSeq, Instant exportedHeadSignedAt, String keyId) {
        this(valid, checked, fromSeq, toSeq, headHash, firstBadSeq, firstBadDecisionId, problem, policyVersion,
                traceHash, checkpointSeq, checkpointHash, exportedHeadSeq, exportedHeadSignedAt, keyId, null);
    }

    public VerifyReport(boolean valid, long checked, Long fromSeq, Long toSeq, String headHash, Long firstBadSeq,
            String firstBadDecisionId, String problem, String policyVersion, String traceHash) {
        this(valid, checked, fromSeq, toSeq, headHash, firstBadSeq, firstBadDecisionId, problem, policyVersion,
                traceHash, null, null, null, null, null);
    }

    /** The report, naming the retention checkpoint the chain now starts from (none: null). */
    public VerifyReport from(Checkpoint checkpoint) {
        return checkpoint == null ? this
                : new VerifyReport(valid, checked, fromSeq, toSeq, headHash, firstBadSeq, firstBadDecisionId, problem,
                        policyVersion, traceHash, checkpoint.seq(), checkpoint.hash(), exportedHeadSeq,
                        exportedHeadSignedAt, keyId, firstBadChangeId);
    }

    /** The report, naming the exported head it was compared with (none: null) and the key that checks signatures. */
    public VerifyReport against(SignedHead head, String keyId) {
        return new VerifyReport(valid, checked, fromSeq, toSeq, headHash, firstBadSeq, firstBadDecisionId, problem,
                policyVersion, traceHash, checkpointSeq, checkpointHash, head == null ? null : head.seq(),
                head == null ? null : head.signedAt(), keyId, firstBadChangeId);
    }

    /** The report, naming the policy change at fault instead of a decision, in its problem too. */
    public VerifyReport namingChange(String changeId) {
        return new VerifyReport(valid, checked, fromSeq, toSeq, headHash, firstBadSeq, null,
                "policy change " + changeId + ": " + problem, policyVersion, traceHash, checkpointSeq, checkpointHash,
                exportedHeadSeq, exportedHeadSignedAt, keyId, changeId);
    }

    public static VerifyReport valid(long checked, Long fromSeq, Long toSeq, String headHash) {
        return new VerifyReport(true, checked, fromSeq, toSeq, headHash, null, null, null, null, null);
    }
}
