package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Settings;
import rafting.election.Flaw;
import rafting.election.Role;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;
import rafting.sim.history.Operation;

/** Runs written event by event: each shows one invariant holding, or one broken rule caught. */
@Tag("part7")
class ScriptedRunsTest {

    private static final Settings PLAIN = Settings.defaults().withPreVote(false).withCheckQuorum(false);

    private SimCluster sim;

    @Test
    void anInputTheDriverNeverFlushedDiesWithACrash() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        sim.apply(new Event.Fire(1, false));
        assertThat(sim.node(1).term()).isEqualTo(1);

        sim.apply(new Event.Crash(1));
        sim.apply(new Event.Restart(1));

        assertThat(sim.node(1).term()).isZero();
        assertThat(sim.node(1).votedFor()).isZero();
        assertThat(sim.inFlight()).isEmpty();
        assertThat(sim.violation()).isNull();
    }

    @Test
    void aVoteSurvivesACrashOnceFlushed() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        sim.apply(new Event.Fire(1, true));
        deliver(RequestVote.class, 1, 2);

        sim.apply(new Event.Crash(2));
        sim.apply(new Event.Restart(2));

        assertThat(sim.node(2).termVote().toString()).isEqualTo("t=1 vote=1");
    }

    @Test
    void oneVoterRefusesASecondCandidateInTheSameTerm() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        twoCandidatesAskTheSameVoter();

        assertThat(sim.node(1).role()).isEqualTo(Role.LEADER);
        assertThat(sim.node(2).role()).isEqualTo(Role.CANDIDATE);
        assertThat(sim.violation()).isNull();
    }

    @Test
    void aVoterThatVotesTwiceMakesTwoLeadersInOneTerm() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN.withFlaws(Flaw.VOTE_TWICE_IN_A_TERM)));
        twoCandidatesAskTheSameVoter();

        assertThat(sim.violation().invariant()).isEqualTo(RaftInvariants.ELECTION_SAFETY);
        assertThat(sim.violation().detail()).isEqualTo("n1 and n2 both lead term 1");
    }

    @Test
    void aFollowerThatDeletesACommittedEntryIsCaught() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN.withFlaws(Flaw.TRUNCATE_ON_MATCHING_APPEND)));
        electNode1();
        Message noop = oldest(AppendEntries.class, 1, 2);
        sim.apply(new Event.Duplicate(noop)); // the network will deliver this request twice
        deliver(noop);
        deliver(oldest(AppendEntriesResponse.class, 2, 1));
        sim.apply(new Event.Propose(1, "set x 1", true));
        deliver(newest(AppendEntries.class, 1, 2));
        deliver(oldest(AppendEntriesResponse.class, 2, 1));
        assertThat(sim.node(1).commitIndex()).isEqualTo(2);
        assertThat(sim.violation()).isNull();

        deliver(noop); // the late copy: the flawed follower deletes everything after index 0 and stores the no-op again

        assertThat(sim.violation().invariant()).isEqualTo(RaftInvariants.COMMITTED_NEVER_LOST);
        assertThat(sim.violation().detail()).startsWith("committed entry 2 (1:set x 1) is on the disk of only 1 of 3 servers");
    }

    @Test
    void committingWhatNoDiskHoldsIsCaught() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN.withFlaws(Flaw.ACKNOWLEDGE_BEFORE_DURABLE)));
        electNode1();
        deliver(AppendEntries.class, 1, 2);
        deliver(AppendEntriesResponse.class, 2, 1);

        assertThat(sim.violation().invariant()).isEqualTo(RaftInvariants.COMMITTED_NEVER_LOST);
        assertThat(sim.violation().detail()).contains("on the disk of only 0 of 3 servers");
    }

    @Test
    void theLivenessCheckFailsWhenNoLeaderCanBeElectedInTime() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));

        assertThat(sim.settle(1)).isEqualTo(-1);

        assertThat(sim.violation().invariant()).isEqualTo(Invariants.LIVENESS);
    }

    @Test
    void afterTheFaultsACrashedPartitionedClusterRecovers() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        electNode1();
        sim.apply(new Event.Partition(Links.isolate(1, 3)));
        sim.apply(new Event.Crash(2));

        int ticks = sim.settle(Scenario.LIVENESS_BOUND_TICKS);

        assertThat(ticks).isBetween(1, Scenario.LIVENESS_BOUND_TICKS);
        assertThat(sim.violation()).isNull();
    }

    @Test
    void aClientIsAnsweredWhenItsLeaderAppliesTheEntry() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        electNode1();
        exchange(1, 2); // the no-op commits
        sim.apply(new Event.Propose(1, "SET x 1", true));
        exchange(1, 2);
        sim.apply(new Event.Propose(1, "GET x", true));
        exchange(1, 2);

        assertThat(sim.history().operations()).hasToString("[c1 [1, 2] SET x 1 -> OK, c2 [3, 4] GET x -> \"1\"]");
        assertThat(sim.checkHistory().isLinearizable()).isTrue();
    }

    @Test
    void aFollowerRefusesAClientAndTheCallLeavesNoTrace() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        electNode1();

        sim.apply(new Event.Propose(2, "SET x 1", true));

        assertThat(sim.history().operations()).isEmpty();
    }

    @Test
    void aLeaderThatCrashesBeforeApplyingLeavesItsClientWaitingUntilItSendsTheWriteAgain() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        electNode1();
        sim.apply(new Event.Propose(1, "SET x 1", true));
        sim.apply(new Event.Crash(1));
        sim.apply(new Event.Restart(1));
        assertThat(sim.history().operations().get(0)).hasToString("c1 [1, -] SET x 1 -> ?");

        // Once the faults stop, the client sends it again in its session, to the leader, which answers it.
        sim.settle(Scenario.LIVENESS_BOUND_TICKS);

        assertThat(sim.history().operations().get(0).toString()).matches("c1 \\[1, \\d+\\] SET x 1 -> OK");
        assertThat(sim.history().operations()).filteredOn(op -> op.command().toString().equals("GET x"))
                .singleElement().extracting(Operation::reply).isEqualTo("1");
    }

    @Test
    void aCommandWhoseIndexAnotherLeaderFilledFailsForSure() {
        sim = new SimCluster(Scenario.scripted(3, PLAIN));
        electNode1();
        exchange(1, 2);
        exchange(1, 3); // the no-op of term 1 is on every server
        sim.apply(new Event.Propose(1, "SET x 1", true)); // at index 2, but n1's requests will be lost
        sim.apply(new Event.Partition(Links.isolate(1, 3)));
        sim.apply(new Event.Fire(2, true));
        exchange(2, 3); // n2 leads term 2 and commits its no-op at index 2
        assertThat(sim.node(2).commitIndex()).isEqualTo(2);
        assertThat(sim.history().operations()).singleElement().matches(Operation::isOpen);

        sim.apply(new Event.Partition(Links.NONE));
        sim.apply(new Event.Fire(2, true)); // a heartbeat reaches n1, which learns what index 2 holds
        exchange(1, 2);

        assertThat(sim.node(1).lastApplied()).isEqualTo(2);
        assertThat(sim.history().operations()).isEmpty();
    }

    /** Delivers every message between {@code a} and {@code b}, oldest first, until none is left. */
    private void exchange(int a, int b) {
        for (int count = 0; count < 100; count++) {
            var next = sim.inFlight().stream()
                    .filter(m -> m.from() == a && m.to() == b || m.from() == b && m.to() == a)
                    .findFirst();
            if (next.isEmpty()) {
                return;
            }
            sim.apply(new Event.Deliver(next.get(), true));
        }
        throw new AssertionError("n" + a + " and n" + b + " still talking after 100 messages");
    }

    private void electNode1() {
        sim.apply(new Event.Fire(1, true));
        deliver(RequestVote.class, 1, 2);
        deliver(RequestVoteResponse.class, 2, 1);
        assertThat(sim.node(1).role()).isEqualTo(Role.LEADER);
    }

    private void twoCandidatesAskTheSameVoter() {
        sim.apply(new Event.Fire(1, true));
        sim.apply(new Event.Fire(2, true));
        deliver(RequestVote.class, 1, 3);
        deliver(RequestVoteResponse.class, 3, 1);
        deliver(RequestVote.class, 2, 3);
        deliver(RequestVoteResponse.class, 3, 2);
    }

    private void deliver(Class<? extends Message> kind, int from, int to) {
        deliver(oldest(kind, from, to));
    }

    private void deliver(Message message) {
        assertThat(sim.apply(new Event.Deliver(message, true))).isEqualTo(SimCluster.Outcome.DONE);
    }

    private Message oldest(Class<? extends Message> kind, int from, int to) {
        return sim.inFlight().stream().filter(m -> kind.isInstance(m) && m.from() == from && m.to() == to).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + from + "->" + to + " in " + sim.inFlight()));
    }

    private Message newest(Class<? extends Message> kind, int from, int to) {
        return sim.inFlight().stream().filter(m -> kind.isInstance(m) && m.from() == from && m.to() == to)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + from + "->" + to + " in " + sim.inFlight()));
    }
}
