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
        throw new UnsupportedOperationException("Part 6: write Links.isolate");
    }

    /** The one link from {@code from} to {@code to}: {@code to} still reaches {@code from}. */
    static Links oneWay(int from, int to) {
        throw new UnsupportedOperationException("Part 6: write Links.oneWay");
    }

    /** {@code node} reaches only the servers in {@code peers} (a bit set, bit {@code i - 1} for server i), both ways. */
    static Links reachableOnly(int node, int peers, int nodes) {
        throw new UnsupportedOperationException("Part 6: write Links.reachableOnly");
    }

    /** The servers in {@code side} (a bit set) and the others cannot reach each other. */
    static Links split(int side, int nodes) {
        throw new UnsupportedOperationException("Part 6: write Links.split");
    }

    boolean isCut(int from, int to) {
        throw new UnsupportedOperationException("Part 6: write Links.isCut");
    }

    boolean isEmpty() {
        throw new UnsupportedOperationException("Part 6: write Links.isEmpty");
    }

    /**
     * {@code cut 1<->2 3->1}: the cut links, both ways as {@code <->}, in order.
     *
     * {@code nothing cut}, or {@code cut } and the cut links in order, {@code 1<->2} for a link cut both
     * ways and {@code 1->3} for one cut one way, separated by spaces: {@code cut 1<->2 2<->3}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write Links.toString");
    }
}
