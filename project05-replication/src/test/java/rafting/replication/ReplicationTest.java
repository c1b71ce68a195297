package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.replication.Logs.repeat;
import static rafting.replication.Logs.terms;
import static rafting.replication.Logs.withTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/** Part 5: a fixed leader brings every follower up to date (§5.3, Figures 6 and 7). */
@Tag("part5")
class ReplicationTest {

    @Test
    void figure6_everyFollowerEndsWithTheLeadersLog() {
        var leaderLog = figure6Log(8);
        var cluster = new Cluster(3, 64, leaderLog, figure6Log(5), figure6Log(8), figure6Log(2), figure6Log(7));

        cluster.heartbeat();
        cluster.settle();

        for (int id = 2; id <= 5; id++) {
            assertThat(cluster.log(id)).as("follower " + id).isEqualTo(leaderLog.entries());
            assertThat(cluster.leader.matchIndex(id)).isEqualTo(8);
        }
    }

    @Test
    void aLeaderStampsItsRequestsWithTheRoundItStartedAndNotesTheRoundEachFollowerAnswered() {
        var leader = new Leader(1, 2, withTerms(1, 1), List.of(2, 3), 64);
        assertThat(leader.heartbeat(0)).allSatisfy(request -> assertThat(request.round()).isZero());

        assertThat(leader.startRound()).isEqualTo(1);
        List<AppendEntries> round = leader.heartbeat(0);
        assertThat(round).allSatisfy(request -> assertThat(request.round()).isEqualTo(1));

        leader.handle(Follower.append(withTerms(1, 1), round.get(0)), 0); // n2 matches
        leader.handle(Follower.append(withTerms(1), round.get(1)), 0); // n3 refuses, but answers the round
        assertThat(leader.progress().get(2).ackedRound()).isEqualTo(1);
        assertThat(leader.progress().get(3).ackedRound()).isEqualTo(1);

        leader.handle(new AppendEntriesResponse(2, 1, 2, true, 2, 0, 99), 0);
        assertThat(leader.progress().get(2).ackedRound()).as("no round the leader did not start").isEqualTo(1);
    }

    /** The log of Figure 6, cut after {@code length} entries. */
    private static RaftLog figure6Log(int length) {
        String[] commands = {"x<-3", "y<-1", "y<-9", "x<-2", "x<-0", "y<-7", "x<-5", "x<-4"};
        long[] terms = {1, 1, 1, 2, 3, 3, 3, 3};
        var log = new RaftLog();
        for (int i = 0; i < length; i++) {
            log.append(LogEntry.of(terms[i], commands[i]));
        }
        return log;
    }

    record Figure7(String name, long[] terms, int maxRequests) {
        @Override
        public String toString() {
            return "(" + name + ")";
        }
    }

    static Stream<Figure7> figure7() {
        return Stream.of(
                new Figure7("a", new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6}, 2),
                new Figure7("b", new long[] {1, 1, 1, 4}, 2),
                new Figure7("c", new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6}, 1),
                new Figure7("d", new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7}, 1),
                new Figure7("e", new long[] {1, 1, 1, 4, 4, 4, 4}, 3),
                new Figure7("f", new long[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3}, 3));
    }

    @ParameterizedTest
    @MethodSource("figure7")
    void figure7_theLeaderOfTerm8RepairsEachFollowerInAFewRoundTrips(Figure7 follower) {
        var leaderLog = withTerms(1, 1, 1, 4, 4, 5, 5, 6, 6, 6);
        var cluster = new Cluster(8, 64, leaderLog, withTerms(follower.terms()));
        cluster.propose("the first command of term 8");

        cluster.heartbeat();
        int delivered = cluster.settle();

        assertThat(cluster.log(2)).isEqualTo(leaderLog.entries());
        assertThat(terms(leaderLog)).containsExactly(1L, 1L, 1L, 4L, 4L, 5L, 5L, 6L, 6L, 6L, 8L);
        assertThat(delivered / 2).as("requests, each with its answer").isLessThanOrEqualTo(follower.maxRequests());
    }

    record FollowerLog(String kind, long[] terms) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<FollowerLog> followers() {
        return Stream.of(
                new FollowerLog("empty", new long[] {}),
                new FollowerLog("behind", new long[] {1, 1}),
                new FollowerLog("up to date", new long[] {1, 1, 3, 3, 5}),
                new FollowerLog("ahead with uncommitted junk of an old term", new long[] {1, 1, 3, 3, 4, 4, 4, 4}),
                new FollowerLog("divergent since the first entry", new long[] {2, 2, 2}),
                new FollowerLog("divergent and much longer", new long[] {1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}));
    }

    @ParameterizedTest
    @MethodSource("followers")
    void anyFollowerEndsWithExactlyTheLeadersLog(FollowerLog follower) {
        // The leader's log and the followers' junk use different terms, as Log Matching demands.
        var leaderLog = withTerms(1, 1, 3, 3, 5);
        var cluster = new Cluster(6, 3, leaderLog, withTerms(follower.terms()));
        cluster.propose("set x 1");

        cluster.heartbeat();
        cluster.settle();

        assertThat(cluster.log(2)).isEqualTo(leaderLog.entries());
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(6);
        assertThat(cluster.leader.progress().get(2).nextIndex()).isEqualTo(7);
    }

    @Test
    void aFollower1000EntriesBehindCatchesUpInAFewBatches() {
        var leaderLog = withTerms(repeat(1, 1000));
        var cluster = new Cluster(2, 100, leaderLog, new RaftLog());
        var largest = new int[1];
        var requests = new int[1];
        RaftLog followerLog = cluster.logs.get(2);
        cluster.net.attach(2, message -> {
            var request = (AppendEntries) message;
            requests[0]++;
            largest[0] = Math.max(largest[0], request.entries().size());
            return List.of(Follower.append(followerLog, request));
        });

        cluster.heartbeat();
        cluster.settle();

        assertThat(followerLog.entries()).isEqualTo(leaderLog.entries());
        assertThat(largest[0]).as("the batch limit").isEqualTo(100);
        assertThat(requests[0]).as("one probe, then ten full batches").isEqualTo(11);
    }

    @Test
    void newEntriesGoOnlyToReplicatingFollowersAndEachEntryOnce() {
        var cluster = new Cluster(1, 10, new RaftLog(), new RaftLog(), new RaftLog());
        cluster.heartbeat();
        cluster.settle(); // both followers found to match at 0: now replicating

        cluster.propose("a");
        cluster.propose("b");
        var first = cluster.leader.replicate(0);
        assertThat(first).extracting(AppendEntries::to).containsExactly(2, 3);
        assertThat(first).allSatisfy(request -> assertThat(request.entries()).hasSize(2));
        assertThat(cluster.leader.replicate(0)).as("already on their way").isEmpty();

        cluster.propose("c");
        var second = cluster.leader.replicate(0);
        assertThat(second).allSatisfy(request -> {
            assertThat(request.prevLogIndex()).isEqualTo(2);
            assertThat(request.entries()).containsExactly(LogEntry.of(1, "c"));
        });
        cluster.net.send(first);
        cluster.net.send(second);
        cluster.settle();
        assertThat(cluster.log(2)).isEqualTo(cluster.leaderLog.entries());
        assertThat(cluster.log(3)).isEqualTo(cluster.leaderLog.entries());
    }

    @Test
    void lostRequestsToAReplicatingFollowerAreRepairedByTheNextHeartbeat() {
        var cluster = new Cluster(1, 10, new RaftLog(), new RaftLog());
        cluster.heartbeat();
        cluster.settle();
        cluster.propose("a");
        cluster.net.send(cluster.leader.replicate(0));
        cluster.propose("b");
        cluster.net.send(cluster.leader.replicate(0));
        cluster.net.dropAll();
        assertThat(cluster.leader.replicate(0)).as("sent, as far as the leader knows").isEmpty();

        cluster.heartbeat(); // prev=2: refused, and the refusal sends the leader back to 1
        cluster.settle();

        assertThat(cluster.log(2)).isEqualTo(cluster.leaderLog.entries());
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(2);
    }

    @Test
    void lateAndDuplicatedSuccessesNeverMoveMatchIndexBack() {
        var cluster = new Cluster(1, 10, withTerms(1, 1, 1), new RaftLog());
        cluster.heartbeat();
        cluster.settle();
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(3);

        cluster.net.send(AppendEntriesResponse.success(2, 1, 1, 1)); // the answer to an old request
        cluster.net.send(AppendEntriesResponse.success(2, 1, 1, 3));
        cluster.net.send(AppendEntriesResponse.success(2, 1, 1, 3));
        cluster.settle();

        assertThat(cluster.leader.matchIndex(2)).isEqualTo(3);
        assertThat(cluster.leader.progress().get(2).nextIndex()).isEqualTo(4);
    }

    @Test
    void aLeaderCopiedOverACopyOfItsLogGoesOnApartFromTheOriginal() {
        var cluster = new Cluster(1, 10, withTerms(1, 1, 1), new RaftLog());
        cluster.heartbeat();
        cluster.settle();
        RaftLog copiedLog = withTerms(1, 1, 1);
        Leader copy = cluster.leader.copyOver(copiedLog);
        assertThat(copy.toString()).isEqualTo(cluster.leader.toString());

        cluster.leader.propose("set x 1");
        assertThat(cluster.leader.replicate(0)).hasSize(1);

        assertThat(cluster.leader.progress().get(2).nextIndex()).isEqualTo(5);
        assertThat(copy.progress().get(2).nextIndex()).as("the copy's, after the original sent entry 4").isEqualTo(4);
        assertThat(copy.matchIndex(2)).isEqualTo(3);
        assertThat(copy.heartbeat(0)).singleElement()
                .satisfies(request -> assertThat(request.entries()).as("the copy's log never got entry 4").isEmpty());
        assertThat(copiedLog.lastIndex()).isEqualTo(3);
    }

    @Test
    void aSuccessClaimingEntriesTheLeaderNeverSentIsIgnored() {
        var cluster = new Cluster(1, 10, withTerms(1, 1), new RaftLog());
        var handled = cluster.leader.handle(AppendEntriesResponse.success(2, 1, 1, 7), 0);
        assertThat(handled.matchGrew()).isFalse();
        assertThat(cluster.leader.matchIndex(2)).isZero();
    }

    @Test
    void answersFromAnotherTermAreIgnored() {
        var cluster = new Cluster(3, 10, withTerms(1, 1), new RaftLog());
        var handled = cluster.leader.handle(AppendEntriesResponse.success(2, 1, 2, 2), 0);
        assertThat(handled).isEqualTo(new Leader.Handled(false, List.of()));
        assertThat(cluster.leader.matchIndex(2)).isZero();
    }

    @Test
    void aRefusalAtOrBelowWhatMatchedStartsTheFollowerOver_evenALateOne_whichCostsOneProbe() {
        var cluster = new Cluster(2, 10, withTerms(1, 1, 2, 2), withTerms(1, 1, 2, 2));
        cluster.heartbeat();
        cluster.settle();
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(4);

        var next = cluster.leader.handle(AppendEntriesResponse.refusal(2, 1, 2, 1), 0);

        assertThat(cluster.leader.matchIndex(2)).as("what was known is void").isZero();
        assertThat(next.toSend()).singleElement().satisfies(request -> assertThat(request.prevLogIndex()).isZero());
        cluster.net.send(next.toSend());
        cluster.settle();
        assertThat(cluster.leader.matchIndex(2)).as("one probe finds it again").isEqualTo(4);
    }

    @Test
    void aFollowerThatLostWhatItAcknowledgedIsProbedAgainAndCatchesUp() {
        var cluster = new Cluster(1, 10, withTerms(1, 1), new RaftLog());
        cluster.heartbeat();
        cluster.settle();
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(2);
        cluster.logs.get(2).truncateFrom(1); // its disk lost what it acknowledged

        cluster.heartbeat();
        int delivered = cluster.settle();

        assertThat(cluster.log(2)).isEqualTo(cluster.leaderLog.entries());
        assertThat(cluster.leader.matchIndex(2)).isEqualTo(2);
        assertThat(delivered).as("a refused request, then the whole log at once").isEqualTo(4);
    }

    @Test
    void largeValuesGoInRequestsOfBoundedBytes_butAnEntryLargerThanTheBoundStillGoes() {
        var leaderLog = new RaftLog();
        byte[] value = new byte[300_000];
        for (int i = 0; i < 10; i++) {
            leaderLog.append(LogEntry.of(1, value));
        }
        leaderLog.append(LogEntry.of(1, new byte[Leader.MAX_BATCH_BYTES + 1]));
        var cluster = new Cluster(1, 100, leaderLog, new RaftLog());
        var sizes = new ArrayList<Integer>();
        RaftLog followerLog = cluster.logs.get(2);
        cluster.net.attach(2, message -> {
            var request = (AppendEntries) message;
            sizes.add(request.entries().stream().mapToInt(LogEntry::size).sum());
            return List.of(Follower.append(followerLog, request));
        });

        cluster.heartbeat();
        cluster.settle();

        assertThat(followerLog.entries()).isEqualTo(leaderLog.entries());
        assertThat(sizes).as("an empty probe, three batches of three values, the last value, the large entry alone")
                .containsExactly(0, 900_000, 900_000, 900_000, 300_000, Leader.MAX_BATCH_BYTES + 1);
    }
}
