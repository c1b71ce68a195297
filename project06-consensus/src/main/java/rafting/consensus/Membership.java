package rafting.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The servers of a cluster, as data: who they are and how many make a majority. Nothing else in
 * the core knows the cluster's size, so a later project can change membership.
 */
public final class Membership {

    private final SortedSet<Integer> members;

    private Membership(Collection<Integer> ids) {
        var set = new TreeSet<Integer>();
        for (int id : ids) {
            if (id < 1) {
                throw new IllegalArgumentException("servers are numbered from 1, got " + id);
            }
            if (!set.add(id)) {
                throw new IllegalArgumentException("server " + id + " appears twice in " + ids);
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one server");
        }
        this.members = Collections.unmodifiableSortedSet(set);
    }

    /** A cluster of the servers {@code ids}. */
    public static Membership of(Collection<Integer> ids) {
        return new Membership(ids);
    }

    /** A cluster of the servers {@code ids}. */
    public static Membership of(int... ids) {
        var list = new ArrayList<Integer>();
        for (int id : ids) {
            list.add(id);
        }
        return new Membership(list);
    }

    /** Servers 1..{@code size}. */
    public static Membership ofSize(int size) {
        var list = new ArrayList<Integer>();
        for (int id = 1; id <= size; id++) {
            list.add(id);
        }
        return new Membership(list);
    }

    public SortedSet<Integer> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean contains(int id) {
        return members.contains(id);
    }

    /** Every member but {@code id}, in order: a server's peers. */
    public List<Integer> others(int id) {
        return members.stream().filter(member -> member != id).toList();
    }

    /** How many servers make a majority: more than half. */
    public int quorum() {
        return members.size() / 2 + 1;
    }

    /** True when the members among {@code ids} make a majority; strangers do not count. */
    public boolean isQuorum(Collection<Integer> ids) {
        return ids.stream().distinct().filter(members::contains).count() >= quorum();
    }

    /**
     * The highest index that a majority of members hold, given how far each member's log is known
     * to reach ({@code indexes}; members missing from it count as 0).
     */
    public long quorumIndex(Map<Integer, Long> indexes) {
        long[] known = members.stream().mapToLong(id -> indexes.getOrDefault(id, 0L)).sorted().toArray();
        // Sorted ascending: the quorum-th highest is held by that many servers or more.
        return known[known.length - quorum()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Membership that && members.equals(that.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    /** {@code [1, 2, 3]}. */
    @Override
    public String toString() {
        return members.toString();
    }
}
