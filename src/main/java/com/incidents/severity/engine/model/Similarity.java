package com.incidents.severity.engine.model;

import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Whether what a caller wrote is close enough to a known name to suggest it: one contains the
 * other (at least 3 characters), or they differ by at most a quarter of the longer one's letters
 * (at least 1), ignoring case and surrounding spaces. Anything further is not offered: a list
 * padded with unrelated names helps no one.
 */
public final class Similarity {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Similarity() {
    }

    /**
     * Names longer than this are never compared: no catalog or field name is this long, and the
     * edit distance costs the product of the two lengths.
     */
    public static final int MAX_NAME_LENGTH = 200;

    public static boolean close(String written, String known) {
        return closeness(written, known) >= 0;
    }

    /**
     * How close {@code written} is to {@code known}, computed once: -1 when not close (or when
     * {@code written} is longer than {@link #MAX_NAME_LENGTH}); else its score, lower is closer (a
     * name containing what was written, or the reverse, ranks as a near match).
     */
    public static int closeness(String written, String known) {
        if (written.length() > MAX_NAME_LENGTH) {
            return -1;
        }
        String a = key(written);
        String b = key(known);
        if (a.isEmpty() || b.isEmpty()) {
            return -1;
        }
        boolean contains = a.contains(b) || b.contains(a);
        int limit = Math.max(1, Math.max(a.length(), b.length()) / 4);
        int distance = DISTANCE.apply(a, b);
        if (Math.min(a.length(), b.length()) >= 3 && contains) {
            return distance / 4;
        }
        return distance <= limit ? (contains ? distance / 4 : distance) : -1;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
