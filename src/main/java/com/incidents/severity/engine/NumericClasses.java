package com.incidents.severity.engine;

import java.util.Arrays;
import java.util.Collection;

/**
 * The classes one numeric input falls into, cut at every threshold the decision tables compare it
 * with: class 0 is "absent", odd classes are the open intervals between thresholds and even
 * classes the thresholds themselves. Within one class every cell of every table tests alike.
 */
final class NumericClasses {

    private final double[] points;

    NumericClasses(Collection<Double> thresholds) {
        this.points = thresholds.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
    }

    int classOf(Long value) {
        if (value == null) {
            return 0;
        }
        int at = Arrays.binarySearch(points, value.doubleValue());
        return at >= 0 ? 2 + 2 * at : 1 + 2 * (-at - 1);
    }

    int classCount() {
        return 2 * points.length + 2;
    }

    /** The smallest whole number ≥ 0 in the class, or null when it holds none (or is class 0). */
    Long smallestMember(int cls) {
        if (cls == 0) {
            return null;
        }
        if (cls % 2 == 0) {
            double p = points[(cls - 2) / 2];
            return p >= 0 && p == Math.rint(p) ? (long) p : null;
        }
        long low = cls == 1 ? 0 : Math.max(0, (long) Math.floor(points[(cls - 3) / 2]) + 1);
        Double high = (cls - 1) / 2 < points.length ? points[(cls - 1) / 2] : null;
        return high == null || low < high ? low : null;
    }

    /** The largest whole number in the class, capped at {@code cap} for the open-ended last class. */
    long largestMember(int cls, long cap) {
        if (cls % 2 == 0) {
            return smallestMember(cls);
        }
        Double high = (cls - 1) / 2 < points.length ? points[(cls - 1) / 2] : null;
        if (high == null) {
            return Math.max(cap, smallestMember(cls));
        }
        return (long) Math.ceil(high) - 1;
    }
}
