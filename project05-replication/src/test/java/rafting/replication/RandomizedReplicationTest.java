package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * A fixed leader and three divergent followers on a network that delivers in any order, drops
 * and duplicates. After every step, the leader's view of each follower is checked against the
 * follower's actual log; once the network behaves, every log becomes the leader's.
 */
@Tag("part5")
class RandomizedReplicationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void matchIndexNeverClaimsMoreThanTheFollowerHas_andEveryFollowerCatchesUp(long seed) {
        var random = new SplittableRandom(seed);
        // The leader's log uses even terms; junk left by old leaders uses odd ones, so the two
        // never share an index and a term with different commands (Log Matching holds).
        var leaderLog = new RaftLog();
        long term = 2;
        for (int i = 1; i <= random.nextInt(5, 30); i++) {
            term += random.nextInt(5) == 0 ? 2 : 0;
            leaderLog.append(LogEntry.of(Math.min(term, 4), "e" + i));
        }
        var followerLogs = new RaftLog[3];
        for (int f = 0; f < 3; f++) {
            var log = new RaftLog();
            long prefix = random.nextLong(leaderLog.lastIndex() + 1);
            log.appendEntries(0, 0, leaderLog.entries(1, (int) prefix));
            if (log.lastTerm() <= 3) {
                for (int j = random.nextInt(20); j > 0; j--) {
                    log.append(LogEntry.of(3, "junk" + j));
                }
            }
            followerLogs[f] = log;
        }
        var cluster = new Cluster(5, 1 + random.nextInt(8), leaderLog, followerLogs);
        var net = cluster.net;

        for (int step = 0; step < 2_000; step++) {
            int action = random.nextInt(100);
            int inFlight = net.inFlight().size();
            if (action < 15) {
                cluster.propose("c" + step);
            } else if (action < 25) {
                cluster.heartbeat();
            } else if (action < 30) {
                net.send(cluster.leader.replicate(0));
            } else if (inFlight > 0 && action < 80) {
                net.deliver(random.nextInt(inFlight));
            } else if (inFlight > 0 && action < 90) {
                net.drop(random.nextInt(inFlight));
            } else if (inFlight > 0) {
                net.duplicate(random.nextInt(inFlight));
            }
            checkLeaderView(cluster, "seed " + seed + " step " + step);
        }

        for (int round = 0; round < 3; round++) {
            cluster.heartbeat();
            cluster.settle();
        }
        for (int id = 2; id <= 4; id++) {
            assertThat(cluster.log(id)).as("follower " + id).isEqualTo(leaderLog.entries());
        }
    }

    private static void checkLeaderView(Cluster cluster, String where) {
        cluster.leader.progress().forEach((id, progress) -> {
            RaftLog follower = cluster.logs.get(id);
            long match = progress.matchIndex();
            assertThat(match).as(where + ": matchIndex of " + id + " within its log").isLessThanOrEqualTo(follower.lastIndex());
            for (long i = 1; i <= match; i++) {
                assertThat(follower.entry(i)).as(where + ": entry " + i + " of " + id).isEqualTo(cluster.leaderLog.entry(i));
            }
            assertThat(progress.nextIndex()).as(where).isGreaterThanOrEqualTo(Math.max(1, match + 1));
        });
    }
}
