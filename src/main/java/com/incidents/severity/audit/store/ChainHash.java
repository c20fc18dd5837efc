package com.incidents.severity.audit.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The link of the hash chain: SHA-256 over the previous hash, the position and the canonical record. */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    /** One digest per thread, reset after each use: looking the algorithm up cost more than short records' hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ChainHash::newDigest);

    private ChainHash() {
    }

    /** SHA-256 of a text, as 64 hex digits. */
    public static String sha256(String text) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String of(String previousHash, long seq, String record) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '|');
        digest.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '|');
        digest.update(record.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
