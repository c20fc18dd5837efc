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

    public static boolean close(String written, String known) {
        String a = key(written);
        String b = key(known);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (Math.min(a.length(), b.length()) >= 3 && (a.contains(b) || b.contains(a))) {
            return true;
        }
        return DISTANCE.apply(a, b) <= Math.max(1, Math.max(a.length(), b.length()) / 4);
    }

    /** Lower is closer: a name containing what was written (or the reverse) ranks as a near match. */
    public static int score(String written, String known) {
        String a = key(written);
        String b = key(known);
        int distance = DISTANCE.apply(a, b);
        return b.contains(a) || a.contains(b) ? distance / 4 : distance;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
