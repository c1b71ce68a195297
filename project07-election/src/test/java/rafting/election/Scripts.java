package rafting.election;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rafting.consensus.Applied;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/** Helpers for scripted multi-node scenarios on a {@link Cluster}. */
final class Scripts {

    private Scripts() {
    }

    static boolean isVote(Message message) {
        return message instanceof RequestVote || message instanceof RequestVoteResponse;
    }

    /** Delivers vote requests and answers only, until none is left; everything else stays in flight. */
    static void deliverVotes(Cluster cluster) {
        while (cluster.net().deliverFirst(Scripts::isVote)) {
            // keep going
        }
    }

    /**
     * Lets server {@code id} alone time out and campaign, delivering only votes, as often as it
     * takes (at most {@code rounds} elections); true when it leads. Its first AppendEntries stay in flight.
     */
    static boolean electAlone(Cluster cluster, int id, int rounds) {
        RaftNode node = cluster.node(id);
        long start = node.term();
        for (int tick = 0; tick < rounds * 25 && node.role() != Role.LEADER && node.term() < start + rounds + 1; tick++) {
            cluster.tick(id);
            deliverVotes(cluster);
        }
        return node.role() == Role.LEADER;
    }

    /** What every server applied, by index; a conflict (two entries at one index) is a broken State Machine Safety. */
    static List<String> appliedConflicts(Cluster cluster) {
        Map<Long, LogEntry> seen = new TreeMap<>();
        Map<Long, Integer> by = new TreeMap<>();
        var conflicts = new ArrayList<String>();
        for (int id : cluster.members().members()) {
            for (Applied applied : cluster.applied(id)) {
                LogEntry before = seen.putIfAbsent(applied.index(), applied.entry());
                by.putIfAbsent(applied.index(), id);
                if (before != null && !before.equals(applied.entry())) {
                    conflicts.add("index " + applied.index() + ": n" + by.get(applied.index()) + " applied " + before
                            + ", n" + id + " applied " + applied.entry());
                }
            }
        }
        return conflicts;
    }

    /** Every server's log holds the same entries. */
    static boolean logsAgree(Cluster cluster) {
        var first = cluster.node(1).log().entries();
        return cluster.members().members().stream().allMatch(id -> cluster.node(id).log().entries().equals(first));
    }
}
