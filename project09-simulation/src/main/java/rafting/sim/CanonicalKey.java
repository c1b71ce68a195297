package rafting.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.Progress;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * A canonical text for a simulated cluster's state, for the visited set of an exhaustive
 * exploration: two states with the same key behave the same from then on, whatever path led to
 * them. It holds, per server, what it would restart from when it is down, and otherwise its role,
 * term, vote, leader, commit and applied indexes, log, votes counted and, as a leader, each
 * follower's progress; the messages in flight as a sorted multiset (any of them may be delivered
 * next); the cut links; and the history the invariants remember (leader of each term, committed
 * entries), without which two states could pass the same checks and differ later.
 *
 * <p>Timers are left out: an exploration fires a node's timer as an event of its own, whatever
 * its tick counts say. That is sound when check-quorum is off (a leader's quorum check reads
 * which followers it heard from, which the core does not show) and, with pre-vote on, the key
 * keeps the one bit of timing that matters: whether the node still hears from its leader.
 *
 * <p>Left out on purpose: the (index, term) pairs that Log Matching remembers from entries since
 * deleted everywhere. Only a broken core deletes and rewrites such a pair; two states that differ
 * only there are merged, and the other invariants still see everything the servers hold.
 */
final class CanonicalKey {

    private CanonicalKey() {
    }

    static String of(SimServer[] servers, List<Simulation.Flight> flights, Links cut, Invariants invariants, int electionTicksMin) {
        var key = new StringBuilder(256);
        for (int id = 1; id < servers.length; id++) {
            server(key, servers[id], electionTicksMin);
            key.append('|');
        }
        var messages = new ArrayList<String>(flights.size());
        for (Simulation.Flight flight : flights) {
            messages.add(message(flight.message));
        }
        messages.sort(null);
        key.append(messages).append("|cut=").append(Long.toHexString(cut.bits())).append('|');
        invariants.history(key);
        return key.toString();
    }

    private static void server(StringBuilder key, SimServer server, int electionTicksMin) {
        SimDisk disk = server.disk;
        if (!server.up) {
            key.append("down ").append(disk.durableTermVote()).append(' ');
            for (long index = 1; index <= disk.durableLastIndex(); index++) {
                entry(key, disk.durable(index));
            }
            return;
        }
        RaftNode node = server.node;
        key.append(node.role()).append(" t=").append(node.term()).append(" v=").append(node.votedFor())
                .append(" l=").append(node.leaderId()).append(" c=").append(node.commitIndex())
                .append(" a=").append(node.lastApplied())
                .append(node.leaderId() != RaftNode.NONE && node.electionElapsed() < electionTicksMin ? " hears" : "")
                .append(server.pending ? " pending" : "")
                .append(" votes=").append(node.votes()).append(' ');
        for (long index = 1; index <= node.log().lastIndex(); index++) {
            entry(key, node.log().entry(index));
        }
        if (disk.dirty()) {
            key.append(" durable=").append(disk.durableTermVote()).append('/').append(disk.durableLastIndex());
        }
        if (node.role() == Role.LEADER) {
            for (Map.Entry<Integer, Progress> follower : node.progress().entrySet()) {
                Progress progress = follower.getValue();
                key.append(' ').append(follower.getKey()).append(':').append(progress.nextIndex()).append('/')
                        .append(progress.matchIndex()).append(progress.probing() ? "p" : "");
            }
        }
    }

    private static void entry(StringBuilder key, LogEntry entry) {
        key.append(entry).append(';');
    }

    /** Every field of the message, entries included (its {@code toString} only counts them). */
    private static String message(Message message) {
        var text = new StringBuilder().append(message.from()).append('>').append(message.to()).append(" t=").append(message.term());
        if (message instanceof AppendEntries request) {
            text.append(" AE ").append(request.prevLogIndex()).append('/').append(request.prevLogTerm())
                    .append(" c=").append(request.leaderCommit()).append(' ');
            request.entries().forEach(entry -> entry(text, entry));
        } else if (message instanceof AppendEntriesResponse response) {
            text.append(" AER ").append(response.success()).append(' ').append(response.matchIndex()).append(' ')
                    .append(response.hintIndex());
        } else if (message instanceof RequestVote request) {
            text.append(" RV ").append(request.preVote()).append(' ').append(request.lastLogIndex()).append('/')
                    .append(request.lastLogTerm());
        } else if (message instanceof RequestVoteResponse response) {
            text.append(" RVR ").append(response.preVote()).append(' ').append(response.granted());
        }
        return text.toString();
    }
}
