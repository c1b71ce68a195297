package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.entries;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.node;
import static rafting.election.Scripts.appliedConflicts;
import static rafting.election.Scripts.deliverVotes;
import static rafting.election.Scripts.electAlone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * One hand-built scenario per named flaw. Each scenario runs twice: with the flaw it must do the
 * damage it describes, without it the same script must do none. So every scenario is a test that
 * can fail, and every rule is shown to matter.
 */
@Tag("part6")
class FlawsTest {

    /** A script that runs on a node or cluster configured by its argument and returns the damage it found, if any. */
    record Scenario(Flaw flaw, String story, Function<Settings, List<String>> damage) {
        @Override
        public String toString() {
            return flaw.toString();
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING,
                        "Figure 8: S1 commits x at index 2 by counting replicas; S5 overwrites it", FlawsTest::figure8),
                new Scenario(Flaw.TRUNCATE_ON_MATCHING_APPEND,
                        "a late request cuts committed entries off a follower's log", FlawsTest::lateRequestTruncates),
                new Scenario(Flaw.FOLLOWER_COMMITS_PAST_CONFIRMED,
                        "a follower applies junk after what the request confirmed", FlawsTest::followerAppliesJunk),
                new Scenario(Flaw.IGNORE_UP_TO_DATE_RULE,
                        "a server missing a committed entry is elected and overwrites it", FlawsTest::staleCandidateWins),
                new Scenario(Flaw.VOTE_TWICE_IN_A_TERM,
                        "a server votes for two candidates of one term: two leaders", FlawsTest::voteTwice),
                new Scenario(Flaw.COUNT_VOTES_FROM_OTHER_TERMS,
                        "a term-1 vote elects S1 in term 2, where S2 is elected too", FlawsTest::staleVoteCounts),
                new Scenario(Flaw.LOWER_COMMIT_INDEX,
                        "a late request moves a follower's commit index back", FlawsTest::commitGoesBack),
                new Scenario(Flaw.ACKNOWLEDGE_BEFORE_DURABLE,
                        "a voter crashes before its vote is durable and votes again: two leaders", FlawsTest::voteForgotten));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theFlawDoesTheDamage(Scenario scenario) {
        assertThat(scenario.damage().apply(PLAIN.withFlaws(scenario.flaw()))).as(scenario.story()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theSameScriptIsHarmlessWithTheRuleInPlace(Scenario scenario) {
        assertThat(scenario.damage().apply(PLAIN)).as(scenario.story()).isEmpty();
    }

    @Test
    void everyFlawHasAScenario() {
        // Project 11's flaws have their scenarios with their parts' tests: ReadIndexTest.staleRead,
        // SnapshotTest.keptLogDamage; the state machine's flaw with the simulator's machine (Project 9).
        var elsewhere = EnumSet.of(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP, Flaw.KEEP_LOG_ON_SNAPSHOT,
                Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT);
        assertThat(scenarios().map(Scenario::flaw)).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(elsewhere));
    }

    @Test
    void aNodeHasNoFlawsUnlessItsConfigNamesThem() {
        assertThat(Settings.defaults().flaws()).isEmpty();
        assertThat(Settings.defaults().withFlaws(Flaw.LOWER_COMMIT_INDEX).has(Flaw.LOWER_COMMIT_INDEX)).isTrue();
    }

    // ---------------------------------------------------------------- the scenarios

    static List<String> figure8(Settings settings) {
        return appliedConflicts(PaperFiguresTest.figure8(settings).cluster());
    }

    static List<String> lateRequestTruncates(Settings settings) {
        var follower = node(2, 3, settings, new TermVote(1, 1));
        var first = new AppendEntries(1, 2, 1, 0, 0, entries(1), 0);
        feed(follower, first);
        feed(follower, new AppendEntries(1, 2, 1, 1, 1, entries(1, 1, 1).subList(1, 3), 3));
        feed(follower, first); // the first request again, late

        var damage = new ArrayList<String>();
        if (follower.log().lastIndex() < follower.commitIndex()) {
            damage.add("n2 committed up to " + follower.commitIndex() + " but its log ends at " + follower.log().lastIndex());
        }
        return damage;
    }

    static List<String> followerAppliesJunk(Settings settings) {
        // n2 holds e3 of term 3 from a leader that never committed it; the leader of term 4 has
        // committed its own entry 3 and sends n2 one entry at a time.
        var follower = node(2, 3, settings, new TermVote(4, RaftNode.NONE), 1, 2, 3);
        Ready ready = feed(follower, new AppendEntries(1, 2, 4, 1, 1, entries(1, 2).subList(1, 2), 3));

        var damage = new ArrayList<String>();
        long index = ready.firstCommitted();
        for (LogEntry entry : ready.committed()) {
            if (entry.term() == 3) {
                damage.add("n2 applied the uncommitted " + index + " " + entry);
            }
            index++;
        }
        return damage;
    }

    static List<String> staleCandidateWins(Settings settings) {
        var cluster = Cluster.of(3, settings, 4);
        cluster.timeout(1);
        cluster.net().isolate(3);
        cluster.propose(1, "x");
        cluster.run(3); // x is committed on S1 and S2
        cluster.crash(1);
        cluster.net().heal();

        electAlone(cluster, 3, 3); // S3 never got x
        cluster.deliverAll();
        cluster.run(3);

        var damage = new ArrayList<>(appliedConflicts(cluster));
        if (!cluster.node(2).log().entries().contains(LogEntry.of(1, "x"))) {
            damage.add("the committed x is gone from S2's log: " + cluster.node(2).log());
        }
        return damage;
    }

    static List<String> voteTwice(Settings settings) {
        var cluster = Cluster.of(3, settings, 5);
        cluster.net().cut(1, 2);
        cluster.net().cut(2, 1);
        electAlone(cluster, 1, 1); // S3 votes for S1 in term 1
        electAlone(cluster, 2, 1); // and is asked again by S2 in term 1
        return twoLeadersInOneTerm(cluster);
    }

    static List<String> staleVoteCounts(Settings settings) {
        var cluster = Cluster.of(3, settings, 6);
        var net = cluster.net();
        RaftNode s1 = cluster.node(1);
        while (s1.role() != Role.CANDIDATE) {
            cluster.tick(1); // S1 asks for votes in term 1
        }
        net.deliverFirst(m -> m.to() == 2);             // S2 grants; the answer is slow
        net.dropIf(m -> m.to() == 3);
        while (s1.term() == 1) {
            cluster.tick(1); // S1's election times out: term 2
        }
        net.dropIf(m -> m instanceof RequestVote);    // nobody hears of term 2
        net.deliverFirst(m -> m instanceof RequestVoteResponse); // the term-1 grant arrives

        electAlone(cluster, 2, 1); // S2 campaigns in term 2; S3 has not voted in it
        deliverVotes(cluster);
        return twoLeadersInOneTerm(cluster);
    }

    static List<String> commitGoesBack(Settings settings) {
        var follower = node(2, 3, settings, new TermVote(1, 1));
        var late = new AppendEntries(1, 2, 1, 0, 0, entries(1), 1);
        feed(follower, new AppendEntries(1, 2, 1, 0, 0, entries(1, 1, 1), 3));
        long before = follower.commitIndex();
        feed(follower, late);

        return follower.commitIndex() < before
                ? List.of("n2's commit index went from " + before + " back to " + follower.commitIndex())
                : List.of();
    }

    static List<String> voteForgotten(Settings settings) {
        var cluster = Cluster.of(3, settings, 7);
        cluster.net().cut(1, 2);
        cluster.net().cut(2, 1);
        electAlone(cluster, 1, 1); // S3 votes for S1 in term 1 ...
        cluster.crash(3);          // ... and crashes before its vote reached the disk, or after
        cluster.restart(3);
        electAlone(cluster, 2, 1); // S2 asks S3 in term 1
        return twoLeadersInOneTerm(cluster);
    }

    private static List<String> twoLeadersInOneTerm(Cluster cluster) {
        var leaders = cluster.members().members().stream().map(cluster::node)
                .filter(node -> node.role() == Role.LEADER).toList();
        boolean sameTerm = leaders.size() > 1 && leaders.stream().mapToLong(RaftNode::term).distinct().count() < leaders.size();
        return sameTerm ? List.of("two leaders in one term: " + Arrays.toString(leaders.toArray())) : List.of();
    }
}
