package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.entries;
import static rafting.election.Scripts.appliedConflicts;
import static rafting.election.Scripts.electAlone;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.consensus.Applied;
import rafting.log.LogEntry;

/** The paper's Figures 6, 7 and 8 as scripted scenarios of whole nodes on the in-memory network. */
@Tag("part4")
class PaperFiguresTest {

    @Test
    void figure6_aNewLeaderBringsEveryFollowerToItsLogAndCommitsIt() {
        var cluster = Cluster.of(5, PLAIN, 6);
        long[] terms = {1, 1, 1, 2, 3, 3, 3, 3};
        int[] lengths = {8, 5, 8, 2, 7};
        for (int id = 1; id <= 5; id++) {
            cluster.restart(id, new TermVote(3, RaftNode.NONE), figure6(terms, lengths[id - 1]));
        }

        cluster.timeout(1);
        cluster.run(4);

        RaftNode leader = cluster.node(1);
        assertThat(leader.role()).isEqualTo(Role.LEADER);
        assertThat(leader.term()).isEqualTo(4);
        assertThat(Scripts.logsAgree(cluster)).as(cluster.toString()).isTrue();
        for (int id = 1; id <= 5; id++) {
            assertThat(cluster.node(id).commitIndex()).as("n" + id).isEqualTo(9);
            assertThat(cluster.applied(id)).extracting(a -> a.entry().text())
                    .containsExactly("x<-3", "y<-1", "y<-9", "x<-2", "x<-0", "y<-7", "x<-5", "x<-4", "");
        }
    }

    private static List<LogEntry> figure6(long[] terms, int length) {
        String[] commands = {"x<-3", "y<-1", "y<-9", "x<-2", "x<-0", "y<-7", "x<-5", "x<-4"};
        var log = new ArrayList<LogEntry>();
        for (int i = 0; i < length; i++) {
            log.add(LogEntry.of(terms[i], commands[i]));
        }
        return log;
    }

    @Test
    void figure7_theLeaderOfTerm8IsElectedWithoutCAndDAndRepairsAllSixFollowers() {
        var cluster = Cluster.of(7, PLAIN, 7);
        long[][] logs = {
                {1, 1, 1, 4, 4, 5, 5, 6, 6, 6},          // the leader
                {1, 1, 1, 4, 4, 5, 5, 6, 6},             // (a)
                {1, 1, 1, 4},                            // (b)
                {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6},       // (c)
                {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7},    // (d)
                {1, 1, 1, 4, 4, 4, 4},                   // (e)
                {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3}};      // (f)
        for (int id = 1; id <= 7; id++) {
            cluster.restart(id, new TermVote(7, RaftNode.NONE), entries(logs[id - 1]));
        }

        cluster.timeout(1);

        RaftNode leader = cluster.node(1);
        assertThat(leader.role()).isEqualTo(Role.LEADER);
        assertThat(leader.term()).isEqualTo(8);
        // c's log is longer and d's last term later: they refused; a, b, e and f voted.
        assertThat(cluster.node(4).votedFor()).isEqualTo(RaftNode.NONE);
        assertThat(cluster.node(5).votedFor()).isEqualTo(RaftNode.NONE);
        for (int id : List.of(2, 3, 6, 7)) {
            assertThat(cluster.node(id).votedFor()).as("n" + id).isEqualTo(1);
        }

        cluster.run(4);
        assertThat(Nodes.terms(leader)).containsExactly(1L, 1L, 1L, 4L, 4L, 5L, 5L, 6L, 6L, 6L, 8L);
        assertThat(Scripts.logsAgree(cluster)).as(cluster.toString()).isTrue();
        for (int id = 1; id <= 7; id++) {
            assertThat(cluster.node(id).commitIndex()).as("n" + id).isEqualTo(11);
        }
        assertThat(appliedConflicts(cluster)).isEmpty();
    }

    @Test
    void figure8_anEntryOfAnEarlierTermOnAMajorityIsNotCommitted_soItsLossBreaksNothing() {
        var run = figure8(PLAIN);

        assertThat(run.commitOfS1AtC).as("(c): index 2 is on S1, S2, S3 but of term 1").isLessThan(2);
        assertThat(run.cluster.node(5).role()).isEqualTo(Role.LEADER);
        assertThat(run.cluster.node(3).log().entry(2)).as("(d): S5 overwrote index 2").isEqualTo(LogEntry.noop(2));
        assertThat(run.appliedByS1).as("S1 applied nothing at (c)").isEmpty();
        assertThat(appliedConflicts(run.cluster)).isEmpty();
    }

    /** What a Figure 8 run left behind. */
    record Figure8(Cluster cluster, long commitOfS1AtC, List<Applied> appliedByS1) {
    }

    /**
     * Figure 8 with five servers (our terms are one lower than the paper's, since a new leader's
     * no-op takes the place of its client entries):
     * (a) S1 leads at term 1 and copies x, at index 2, to S2 only;
     * (b) S1 crashes, S5 is elected at term 2 with S3 and S4 and appends its no-op at index 2, then crashes;
     * (c) S1 restarts, is elected at term 3, and copies x to S3: index 2 is now on a majority;
     * (d) S1 crashes, S5 restarts, is elected at term 4 with S3 and S4, and overwrites index 2.
     */
    static Figure8 figure8(Settings settings) {
        var cluster = Cluster.of(5, settings.withMaxBatch(1), 8);
        var net = cluster.net();
        cluster.timeout(1); // S1 leads at term 1; its no-op reaches everyone
        cluster.run(3);

        // (a)
        for (int other = 3; other <= 5; other++) {
            net.cut(1, other);
            net.cut(other, 1);
        }
        cluster.propose(1, "x");
        cluster.deliverAll();
        net.heal();

        // (b)
        cluster.crash(1);
        assertThat(electAlone(cluster, 5, 3)).as("S5 elected at (b)").isTrue();
        cluster.crash(5); // its no-op never left

        // (c)
        cluster.restart(1);
        assertThat(electAlone(cluster, 1, 3)).as("S1 elected at (c)").isTrue();
        net.cut(1, 4);
        net.deliverFirst(m -> m.to() == 2);                   // S2 takes S1's no-op at index 3
        net.deliverFirst(m -> m.from() == 2 && m.to() == 1);
        net.deliverFirst(m -> m.to() == 3);                   // S3 refuses: it lacks index 2
        net.deliverFirst(m -> m.from() == 3 && m.to() == 1);
        net.deliverFirst(m -> m.to() == 3);                   // S3 takes x at index 2
        net.deliverFirst(m -> m.from() == 3 && m.to() == 1);  // index 2 is on S1, S2 and S3
        long commitAtC = cluster.node(1).commitIndex();
        List<Applied> appliedByS1 = cluster.applied(1);

        // (d)
        cluster.crash(1);
        net.heal();
        cluster.restart(5);
        assertThat(electAlone(cluster, 5, 3)).as("S5 elected at (d)").isTrue();
        cluster.deliverAll();
        cluster.run(3);
        return new Figure8(cluster, commitAtC, appliedByS1);
    }
}
