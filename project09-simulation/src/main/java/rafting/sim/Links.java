package rafting.sim;

import java.util.StringJoiner;

/**
 * A set of cut one-way links between servers 1..8, as bits: the link from {@code a} to {@code b}
 * is bit {@code (a - 1) * 8 + (b - 1)}. A message whose link is cut is lost.
 */
record Links(long bits) {

    static final int MAX_NODES = 8;
    static final Links NONE = new Links(0);

    /** Every link to and from {@code node}, both ways: a server cut off. */
    static Links isolate(int node, int nodes) {
        return reachableOnly(node, 0, nodes);
    }

    /** The one link from {@code from} to {@code to}: {@code to} still reaches {@code from}. */
    static Links oneWay(int from, int to) {
        return new Links(bit(from, to));
    }

    /** {@code node} reaches only the servers in {@code peers} (a bit set, bit {@code i - 1} for server i), both ways. */
    static Links reachableOnly(int node, int peers, int nodes) {
        long bits = 0;
        for (int other = 1; other <= nodes; other++) {
            if (other != node && (peers & (1 << (other - 1))) == 0) {
                bits |= bit(node, other) | bit(other, node);
            }
        }
        return new Links(bits);
    }

    /** The servers in {@code side} (a bit set) and the others cannot reach each other. */
    static Links split(int side, int nodes) {
        long bits = 0;
        for (int a = 1; a <= nodes; a++) {
            for (int b = 1; b <= nodes; b++) {
                boolean aIn = (side & (1 << (a - 1))) != 0;
                boolean bIn = (side & (1 << (b - 1))) != 0;
                if (aIn != bIn) {
                    bits |= bit(a, b);
                }
            }
        }
        return new Links(bits);
    }

    boolean isCut(int from, int to) {
        return (bits & bit(from, to)) != 0;
    }

    boolean isEmpty() {
        return bits == 0;
    }

    private static long bit(int from, int to) {
        return 1L << ((from - 1) * MAX_NODES + (to - 1));
    }

    /** {@code cut 1<->2 3->1}: the cut links, both ways as {@code <->}, in order. */
    @Override
    public String toString() {
        if (bits == 0) {
            return "nothing cut";
        }
        var text = new StringJoiner(" ", "cut ", "");
        for (int a = 1; a <= MAX_NODES; a++) {
            for (int b = 1; b <= MAX_NODES; b++) {
                boolean there = isCut(a, b);
                boolean back = isCut(b, a);
                if (a < b && there && back) {
                    text.add(a + "<->" + b);
                } else if (a != b && there && !back) {
                    text.add(a + "->" + b);
                }
            }
        }
        return text.toString();
    }
}
