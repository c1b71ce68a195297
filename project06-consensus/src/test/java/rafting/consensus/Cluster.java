package rafting.consensus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rafting.log.LogEntry;
import rafting.log.RaftLog;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Follower;
import rafting.replication.Leader;
import rafting.replication.Network;

/**
 * A fixed leader, server 1, and its followers, now with commitment: the leader moves its commit
 * index by the rule of §5.4.2 and every server applies what is committed.
 */
final class Cluster {

    /** One server's consensus state: its log, commit index, and what it applied. */
    static final class Server {
        final RaftLog log;
        final Recorder machine = new Recorder();
        final Applier applier = new Applier(machine);
        long commitIndex;

        Server(RaftLog log) {
            this.log = log;
        }

        void commit(long index) {
            commitIndex = index;
            applier.applyUpTo(commitIndex, log);
        }
    }

    final Network net;
    final Membership settings;
    final Leader leader;
    final Map<Integer, Server> servers = new TreeMap<>();

    /** Server 1 leads at {@code term}; {@code logs[i]} is server i+1's log. */
    Cluster(long term, RaftLog... logs) {
        settings = Membership.ofSize(logs.length);
        net = Network.of(logs.length);
        for (int i = 0; i < logs.length; i++) {
            servers.put(i + 1, new Server(logs[i]));
        }
        leader = new Leader(1, term, logs[0], settings.others(1), 64);
        net.attach(1, message -> {
            var handled = leader.handle((AppendEntriesResponse) message, server(1).commitIndex);
            if (handled.matchGrew()) {
                server(1).commit(CommitRule.leaderCommit(leader, server(1).log, server(1).log.lastIndex(), settings, server(1).commitIndex));
            }
            return handled.toSend();
        });
        for (int id : settings.others(1)) {
            net.attach(id, message -> {
                var request = (AppendEntries) message;
                var server = server(id);
                var answer = Follower.append(server.log, request);
                if (answer.success()) {
                    server.commit(CommitRule.followerCommit(server.commitIndex, request.leaderCommit(), answer.matchIndex()));
                }
                return List.of(answer);
            });
        }
    }

    Server server(int id) {
        return servers.get(id);
    }

    long propose(String command) {
        return leader.append(LogEntry.of(leader.term(), command));
    }

    void heartbeat() {
        net.send(leader.heartbeat(server(1).commitIndex));
    }

    /** Heartbeat and deliver everything, twice: once to replicate, once more to tell the followers the commit. */
    void replicateAndSettle() {
        heartbeat();
        net.deliverAll();
        heartbeat();
        net.deliverAll();
    }
}
