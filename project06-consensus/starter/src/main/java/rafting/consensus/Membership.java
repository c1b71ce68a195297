package rafting.consensus;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Part 1: the servers of a cluster, as data: who they are and how many make a majority. Nothing
 * else in the core knows the cluster's size, so a later project can change membership.
 *
 * <p>Building one refuses, with an {@link IllegalArgumentException}: no server at all; a server
 * numbered below 1; a server twice (message containing {@code appears twice}, the reference says
 * {@code server 2 appears twice in [1, 2, 2]}). Two memberships are equal when they hold the same
 * servers.
 */
public final class Membership {

    /** The one constructor the factories call: checks the servers and keeps them, sorted. */
    private Membership(Collection<Integer> ids) {
        throw new UnsupportedOperationException("Part 1: check the servers and keep them");
    }

    /** A cluster of the servers {@code ids}. */
    public static Membership of(Collection<Integer> ids) {
        throw new UnsupportedOperationException("Part 1: a cluster of these servers");
    }

    /** A cluster of the servers {@code ids}. */
    public static Membership of(int... ids) {
        throw new UnsupportedOperationException("Part 1: a cluster of these servers");
    }

    /** Servers 1..{@code size}. */
    public static Membership ofSize(int size) {
        throw new UnsupportedOperationException("Part 1: servers 1..size");
    }

    /** The members, in order, read-only. */
    public SortedSet<Integer> members() {
        throw new UnsupportedOperationException("Part 1: the members");
    }

    public int size() {
        throw new UnsupportedOperationException("Part 1: how many members");
    }

    public boolean contains(int id) {
        throw new UnsupportedOperationException("Part 1: is this a member");
    }

    /** Every member but {@code id}, in order: a server's peers ({@code [1, 2, 3]}.others(2) is {@code [1, 3]}). */
    public List<Integer> others(int id) {
        throw new UnsupportedOperationException("Part 1: a server's peers");
    }

    /** How many servers make a majority: more than half (1 of 1, 2 of 2 or 3, 3 of 4 or 5). */
    public int quorum() {
        throw new UnsupportedOperationException("Part 1: the size of a majority");
    }

    /** True when the members among {@code ids}, each counted once, make a majority; strangers do not count. */
    public boolean isQuorum(Collection<Integer> ids) {
        throw new UnsupportedOperationException("Part 1: is this a majority");
    }

    /**
     * The highest index that a majority of members hold, given how far each member's log is known
     * to reach ({@code indexes}; members missing from it count as 0, strangers in it do not count).
     * Three servers at 9, 4 and 7: 7.
     */
    public long quorumIndex(Map<Integer, Long> indexes) {
        throw new UnsupportedOperationException("Part 1: where a majority's logs reach");
    }

    /** The same servers. */
    @Override
    public boolean equals(Object other) {
        throw new UnsupportedOperationException("Part 1: the same servers");
    }

    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("Part 1: consistent with equals");
    }

    /** Exactly the members as a list: {@code [1, 2, 3]}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: the members as a list");
    }
}
