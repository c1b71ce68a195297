package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import rafting.election.Settings;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * The key of a {@link ClusterState} in the explorer's visited set: one compact string that holds
 * everything deciding what can happen next and what the checks see. Each running server's
 * {@link NodeKey}, each server's disk, the multiset of messages in flight (sorted), the history
 * of leaders and commits, and the counts the bounds look at.
 *
 * <p>With pre-vote and check-quorum off, the key leaves out what then decides nothing: the
 * timers (a "times out" event ticks a server until it starts an election, whatever its timer
 * said, and a leader's timer only paces check-quorum), the servers a leader heard from (read by
 * check-quorum alone) and the leader a follower knows of (read by pre-vote and check-quorum, and to
 * redirect clients). Two states that differ only there have the same futures and the same checks.
 * A TLA+ specification has none of these variables for the same reason. Leaving them out halves
 * the states within Figure 8's bounds, and more the deeper the search (see the README).
 *
 * <p>With symmetry on, servers are interchangeable: three servers that differ only in their names
 * behave alike (every server runs the same code with the same settings, and nothing in Raft
 * breaks ties by id), so the key is the smallest encoding over every renaming of the servers.
 * That merges up to n! states into one, and changes no verdict.
 */
final class CanonicalKey {

    private static final int[] IDENTITY = {0, 1, 2, 3, 4, 5};

    private final int[][] renamings;
    private final boolean timersMatter;

    /**
     * Keys for clusters of {@code nodes} servers configured by {@code settings}; with
     * {@code symmetric}, under every renaming.
     */
    CanonicalKey(int nodes, boolean symmetric, Settings settings) {
        this.timersMatter = settings.preVote() || settings.checkQuorum();
        var all = new ArrayList<int[]>();
        int[] identity = new int[nodes + 1];
        for (int id = 0; id <= nodes; id++) {
            identity[id] = id;
        }
        permute(identity, 1, symmetric, all);
        this.renamings = all.toArray(int[][]::new);
    }

    /** Every renaming of ids 1..n (index 0 stays 0, "nobody"), the identity first. */
    private static void permute(int[] ids, int from, boolean all, List<int[]> out) {
        if (from >= ids.length - 1 || !all) {
            out.add(ids.clone());
            return;
        }
        for (int i = from; i < ids.length; i++) {
            swap(ids, from, i);
            permute(ids, from + 1, true, out);
            swap(ids, from, i);
        }
    }

    private static void swap(int[] ids, int i, int j) {
        int t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
    }

    String of(ClusterState state) {
        String best = null;
        for (int r = 0; r < renamings.length; r++) {
            String encoded = encode(state, r);
            if (best == null || encoded.compareTo(best) < 0) {
                best = encoded;
            }
        }
        return best;
    }

    /** The encoding of {@code state} with every server {@code i} renamed {@code renamings[r][i]}. */
    private String encode(ClusterState state, int r) {
        int[] rename = renamings[r];
        var out = new StringBuilder(256);
        List<NodeRun> servers = state.servers();
        // The server renamed 1 first, then the one renamed 2, ...
        var byNewName = new NodeRun[servers.size() + 1];
        for (NodeRun run : servers) {
            byNewName[rename[run.id()]] = run;
        }
        for (int id = 1; id < byNewName.length; id++) {
            out.append(server(byNewName[id], r)).append('\n');
        }
        var messages = new ArrayList<String>(state.inFlight().size());
        for (Message message : state.inFlight()) {
            messages.add(message(message, rename));
        }
        messages.sort(null);
        messages.forEach(m -> out.append(m).append(';'));
        out.append('\n');
        state.leaders().forEach((term, leader) -> out.append(term).append('=').append(rename[leader]).append(','));
        out.append('\n');
        state.committed().forEach((index, c) -> out.append(index).append('=').append(entry(c.entry()))
                .append('@').append(c.term()).append(','));
        return out.append('\n').append(state.proposals()).append(',').append(state.crashes()).append(',')
                .append(state.duplicates()).toString();
    }

    /** One server's encoding under renaming {@code r}, computed once per server and renaming. */
    private String server(NodeRun run, int r) {
        if (run.encodings == null) {
            run.encodings = new String[renamings.length];
        }
        if (run.encodings[r] == null) {
            run.encodings[r] = encodeServer(run, renamings[r]);
        }
        return run.encodings[r];
    }

    private String encodeServer(NodeRun run, int[] rename) {
        var out = new StringBuilder(128);
        TermVote disk = run.durableTermVote();
        if (!run.isUp()) {
            out.append("down ").append(disk.term()).append(',').append(rename[disk.votedFor()]).append(',');
            return log(out, run.durableLog()).toString();
        }
        NodeKey key = run.key();
        NodeState s = key.state();
        out.append(s.role().ordinal()).append(',').append(s.term()).append(',').append(rename[s.votedFor()])
                .append(',').append(timersMatter ? rename[s.leaderId()] : 0).append(',').append(s.commitIndex()).append(',')
                .append(s.lastApplied()).append(',').append(key.firstIndex()).append(',');
        log(out, key.log());
        ids(out, key.votes(), rename);
        if (timersMatter) {
            ids(out, key.heardFrom(), rename);
        }
        var progress = new TreeMap<Integer, NodeKey.Follower>();
        key.progress().forEach((follower, p) -> progress.put(rename[follower], p));
        progress.forEach((follower, p) -> out.append(follower).append(':').append(p.nextIndex()).append('/')
                .append(p.matchIndex()).append(p.probing() ? "p," : ","));
        if (timersMatter) {
            out.append('/').append(key.electionElapsed()).append(',').append(key.electionTimeout()).append(',')
                    .append(key.heartbeatElapsed());
        }
        // The disk, when it differs from the node (never, while every rule holds and the driver syncs).
        if (disk.term() != s.term() || disk.votedFor() != s.votedFor() || !run.durableLog().equals(key.log())) {
            out.append(" disk ").append(disk.term()).append(',').append(rename[disk.votedFor()]).append(',');
            log(out, run.durableLog());
        }
        return out.toString();
    }

    private static StringBuilder log(StringBuilder out, List<LogEntry> entries) {
        out.append('[');
        entries.forEach(e -> out.append(entry(e)).append(' '));
        return out.append(']');
    }

    private static String entry(LogEntry entry) {
        return entry.term() + ":" + entry.text();
    }

    private static void ids(StringBuilder out, Iterable<Integer> ids, int[] rename) {
        var renamed = new TreeSet<Integer>();
        ids.forEach(id -> renamed.add(rename[id]));
        out.append(renamed);
    }

    /** A message with its servers renamed; every field, so that equal encodings mean equal messages. */
    static String message(Message message, int[] rename) {
        var out = new StringBuilder(48);
        String kind;
        if (message instanceof AppendEntries m) {
            kind = "A";
            out.append(m.prevLogIndex()).append(',').append(m.prevLogTerm()).append(',').append(m.leaderCommit());
            log(out, m.entries());
        } else if (message instanceof AppendEntriesResponse m) {
            kind = "a";
            out.append(m.success()).append(',').append(m.matchIndex()).append(',').append(m.hintIndex());
        } else if (message instanceof RequestVote m) {
            kind = m.preVote() ? "P" : "V";
            out.append(m.lastLogIndex()).append(',').append(m.lastLogTerm());
        } else if (message instanceof RequestVoteResponse m) {
            kind = m.preVote() ? "p" : "v";
            out.append(m.granted());
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
        return kind + rename[message.from()] + rename[message.to()] + ',' + message.term() + ',' + out;
    }

    /** The messages sorted in the canonical order (no renaming): the order of {@link ClusterState#inFlight()}. */
    static List<Message> sorted(List<Message> messages) {
        return messages.stream().sorted(Comparator.comparing(m -> message(m, IDENTITY))).toList();
    }
}
