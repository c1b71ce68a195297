package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rafting.consensus.Applied;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * A small randomized run per seed: messages delivered out of order, dropped, duplicated; links
 * cut; servers crashed (losing what they did not sync) and restarted; proposals at random. After
 * every tick the safety properties of Figure 3 are checked; at the end the faults stop and the
 * cluster must elect a leader and commit a new command. (Project 9's simulator does this at scale.)
 */
@Tag("part5")
class RandomFaultsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void safetyHoldsUnderFaultsAndTheClusterRecovers(long seed) {
        var random = new SplittableRandom(seed);
        int size = seed % 2 == 0 ? 3 : 5;
        var cluster = Cluster.of(size, Settings.defaults().withMaxBatch(4), seed);
        var net = cluster.net();
        var invariants = new Invariants(cluster);

        for (int tick = 0; tick < 600; tick++) {
            cluster.tick();
            for (int i = random.nextInt(8); i > 0 && !net.inFlight().isEmpty(); i--) {
                int position = random.nextInt(net.inFlight().size());
                int fate = random.nextInt(20);
                if (fate == 0) {
                    net.drop(position);
                } else if (fate == 1) {
                    net.duplicate(position);
                } else {
                    net.deliver(position);
                }
            }
            int fault = random.nextInt(200);
            int id = 1 + random.nextInt(size);
            if (fault < 2 && downCount(cluster) < (size - 1) / 2) {
                cluster.crash(id);
                invariants.restarted(id);
            } else if (fault < 6 && !cluster.isUp(id)) {
                cluster.restart(id);
                invariants.restarted(id);
            } else if (fault < 8) {
                net.cut(id, 1 + random.nextInt(size));
            } else if (fault < 12) {
                net.heal();
            } else if (fault < 40) {
                cluster.leader().ifPresent(leader -> cluster.propose(leader.id(), "c" + random.nextInt(1000)));
            }
            invariants.check("seed " + seed + " tick " + tick);
        }

        net.heal();
        for (int id = 1; id <= size; id++) {
            if (!cluster.isUp(id)) {
                cluster.restart(id);
                invariants.restarted(id);
            }
        }
        RaftNode leader = cluster.awaitLeader(300);
        Proposal last = cluster.propose(leader.id(), "the last command");
        cluster.run(30);
        invariants.check("seed " + seed + " after the faults");
        for (int id = 1; id <= size; id++) {
            assertThat(cluster.node(id).commitIndex()).as("seed " + seed + " n" + id).isGreaterThanOrEqualTo(last.index());
        }
    }

    private static int downCount(Cluster cluster) {
        return (int) cluster.members().members().stream().filter(id -> !cluster.isUp(id)).count();
    }

    /** Figure 3's properties, checked from outside after every step. */
    private static final class Invariants {
        private final Cluster cluster;
        private final Map<Long, Integer> leaderOfTerm = new HashMap<>();
        private final Map<Long, LogEntry> committed = new HashMap<>();
        private final Map<Integer, Long> commitSeen = new HashMap<>();
        private long highestLeaderTerm;

        Invariants(Cluster cluster) {
            this.cluster = cluster;
        }

        void restarted(int id) {
            commitSeen.remove(id); // a restarted server learns its commit index again
        }

        void check(String where) {
            var ids = cluster.members().members();
            for (int id : ids) {
                RaftNode node = cluster.node(id);
                // Election Safety: at most one leader per term.
                if (node.role() == Role.LEADER) {
                    Integer other = leaderOfTerm.putIfAbsent(node.term(), id);
                    assertThat(other == null || other == id).as(where + ": two leaders in term " + node.term()).isTrue();
                    highestLeaderTerm = Math.max(highestLeaderTerm, node.term());
                }
                // State Machine Safety: no two servers apply different entries at one index.
                for (Applied applied : cluster.applied(id)) {
                    LogEntry before = committed.putIfAbsent(applied.index(), applied.entry());
                    assertThat(before == null || before.equals(applied.entry()))
                            .as(where + ": n" + id + " applied " + applied + " where " + before + " was applied").isTrue();
                }
                // The commit index never goes back; lastApplied never passes it.
                long previous = commitSeen.getOrDefault(id, 0L);
                assertThat(node.commitIndex()).as(where + ": commit index of n" + id).isGreaterThanOrEqualTo(previous);
                commitSeen.put(id, node.commitIndex());
                assertThat(node.lastApplied()).isLessThanOrEqualTo(node.commitIndex());
                // A leader's matchIndex never claims more than the follower holds.
                if (cluster.isUp(id) && node.role() == Role.LEADER) {
                    node.progress().forEach((follower, progress) -> {
                        RaftLog theirs = cluster.node(follower).log();
                        if (cluster.isUp(follower) && cluster.node(follower).term() == node.term()) {
                            assertThat(progress.matchIndex()).as(where + ": matchIndex of n" + follower)
                                    .isLessThanOrEqualTo(theirs.lastIndex());
                        }
                    });
                }
            }
            // Log Matching: logs with an entry of the same index and term agree up to it.
            for (int a : ids) {
                for (int b : ids) {
                    if (a < b) {
                        checkLogMatching(where, cluster.node(a).log(), cluster.node(b).log());
                    }
                }
            }
            // Leader Completeness: the leader of the highest term holds every committed entry.
            for (int id : ids) {
                RaftNode node = cluster.node(id);
                if (node.role() == Role.LEADER && node.term() == highestLeaderTerm) {
                    committed.forEach((index, entry) -> assertThat(node.log().lastIndex() >= index
                            && node.log().entry(index).equals(entry)).as(where + ": leader n" + id + " lacks committed "
                            + index + " " + entry).isTrue());
                }
            }
        }

        private static void checkLogMatching(String where, RaftLog a, RaftLog b) {
            long last = Math.min(a.lastIndex(), b.lastIndex());
            long highestShared = 0;
            for (long i = last; i >= 1; i--) {
                if (a.termAt(i) == b.termAt(i)) {
                    highestShared = i;
                    break;
                }
            }
            List<LogEntry> prefixA = a.entries(1, (int) highestShared);
            List<LogEntry> prefixB = b.entries(1, (int) highestShared);
            assertThat(prefixA).as(where + ": Log Matching up to " + highestShared).isEqualTo(prefixB);
        }
    }
}
