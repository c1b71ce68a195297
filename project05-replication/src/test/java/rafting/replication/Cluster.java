package rafting.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/** A fixed leader, server 1, and its followers on an in-memory network: the four events of the workshop. */
final class Cluster {

    final Network net;
    final RaftLog leaderLog;
    final Leader leader;
    final Map<Integer, RaftLog> logs = new TreeMap<>();

    /** Server 1 leads at {@code term} with {@code leaderLog}; server i+2 starts with {@code followerLogs[i]}. */
    Cluster(long term, int maxBatch, RaftLog leaderLog, RaftLog... followerLogs) {
        this.net = Network.of(followerLogs.length + 1);
        this.leaderLog = leaderLog;
        var followers = new ArrayList<Integer>();
        for (int i = 0; i < followerLogs.length; i++) {
            int id = i + 2;
            RaftLog log = followerLogs[i];
            logs.put(id, log);
            followers.add(id);
            net.attach(id, message -> List.of(Follower.append(log, (AppendEntries) message)));
        }
        this.leader = new Leader(1, term, leaderLog, followers, maxBatch);
        net.attach(1, message -> leader.handle((AppendEntriesResponse) message, 0).toSend());
    }

    /** Event 1: a client appends a command to the leader's log. */
    long propose(String command) {
        return leader.propose(command);
    }

    /** Event 2: the heartbeat sends every follower what it is missing. */
    void heartbeat() {
        net.send(leader.heartbeat(0));
    }

    /** Events 3 and 4, until the network is quiet: followers apply and answer, the leader handles answers. */
    int settle() {
        return net.deliverAll();
    }

    List<LogEntry> log(int id) {
        return logs.get(id).entries();
    }
}
