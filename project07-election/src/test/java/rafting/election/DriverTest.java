package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.election.Nodes.PLAIN;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.log.LogEntry;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.RequestVoteResponse;

/** The one driver: what it does with a node's Ready, and in which order. */
@Tag("part4")
class DriverTest {

    /** A disk and an outbox that write down what happens, in order. */
    private static final class Recorder implements Driver.Disk, Driver.Outbox {
        final List<String> steps = new ArrayList<>();
        final MemoryDisk disk = new MemoryDisk();
        boolean failSync;

        @Override
        public void save(TermVote termVote) {
            steps.add("save " + termVote);
            disk.save(termVote);
        }

        @Override
        public void write(long from, List<LogEntry> entries) {
            steps.add("write " + from + " " + entries);
            disk.write(from, entries);
        }

        @Override
        public void sync() {
            if (failSync) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            steps.add("sync");
            disk.sync();
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            steps.add("save " + snapshot);
            disk.saveSnapshot(snapshot);
        }

        @Override
        public void send(Message message) {
            steps.add("send " + message.getClass().getSimpleName() + " to " + message.to());
        }

        @Override
        public void applied(Applied applied) {
            steps.add("apply " + applied);
        }

        @Override
        public void read(long readId, boolean answerable) {
            steps.add("read " + readId + (answerable ? " answerable" : " refused"));
        }
    }

    private final Recorder recorder = new Recorder();

    private Driver driver(int size, Settings settings) {
        var node = new RaftNode(1, Membership.ofSize(size), settings, recorder.disk.durableStorage(),
                recorder.disk.durableTermVote(), new SplittableRandom(1));
        return new Driver(node, recorder, (index, command) -> ("ok " + index).getBytes(), recorder);
    }

    private static void elect(Driver driver) {
        RaftNode node = driver.node();
        while (node.role() == Role.FOLLOWER) {
            node.tick();
            driver.flush();
        }
        for (int voter = 2; voter <= node.membership().members().size(); voter++) {
            node.receive(new RequestVoteResponse(voter, 1, node.term(), true, false));
        }
        driver.flush();
    }

    @Test
    void aCandidateAsksForVotesOnlyOnceItsOwnVoteIsDurable() {
        var driver = driver(3, PLAIN);
        while (driver.node().role() != Role.CANDIDATE) {
            driver.node().tick();
            driver.flush();
        }
        assertThat(recorder.steps).containsExactly("save t=1 vote=1", "sync", "send RequestVote to 2", "send RequestVote to 3");
    }

    @Test
    void aLeadersAppendEntriesLeaveBeforeItsOwnSync_thesis10_2_1() {
        var driver = driver(3, PLAIN);
        elect(driver);
        driver.node().receive(AppendEntriesResponse.success(2, 1, 1, 1));
        driver.node().receive(AppendEntriesResponse.success(3, 1, 1, 1));
        driver.flush();
        recorder.steps.clear();

        driver.node().propose("set x 1");
        driver.flush();

        assertThat(recorder.steps).containsExactly("send AppendEntries to 2", "send AppendEntries to 3",
                "write 2 [1:set x 1]", "sync");
    }

    @Test
    void committedEntriesAreAppliedAfterTheSyncAndTheNodeIsTold() {
        var driver = driver(3, PLAIN);
        elect(driver);
        driver.node().propose("set x 1");
        driver.flush();
        recorder.steps.clear();

        driver.node().receive(AppendEntriesResponse.success(2, 1, 1, 2));
        driver.flush();

        assertThat(recorder.steps).containsExactly("apply 1 1:no-op", "apply 2 1:set x 1 -> ok 2");
        assertThat(driver.node().lastApplied()).isEqualTo(2);
    }

    @Test
    void aClusterOfOneCommitsInOneFlush_itsOwnSyncIsTheMajority() {
        var driver = driver(1, PLAIN);
        elect(driver);
        recorder.steps.clear();

        driver.node().propose("set x 1");
        driver.flush();

        assertThat(recorder.steps).containsExactly("write 2 [1:set x 1]", "sync", "apply 2 1:set x 1 -> ok 2");
    }

    @Test
    void aFailedSyncLeavesTheRestUndoneAndTheNodeNotAdvanced() {
        var driver = driver(3, PLAIN);
        recorder.failSync = true;
        while (driver.node().role() != Role.CANDIDATE) {
            driver.node().tick();
            if (driver.node().role() == Role.CANDIDATE) {
                assertThatThrownBy(driver::flush).isInstanceOf(UncheckedIOException.class);
            } else {
                driver.flush();
            }
        }
        assertThat(recorder.steps).as("no vote request left without a durable vote").containsExactly("save t=1 vote=1");
        assertThatThrownBy(driver.node()::ready).as("the node must be stopped, not driven on")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFlawAcknowledgeBeforeDurableSendsAtOnceAndNeverSyncs() {
        var driver = driver(3, PLAIN.withFlaws(Flaw.ACKNOWLEDGE_BEFORE_DURABLE));
        while (driver.node().role() != Role.CANDIDATE) {
            driver.node().tick();
            driver.flush();
        }
        assertThat(recorder.steps).containsExactly("send RequestVote to 2", "send RequestVote to 3", "save t=1 vote=1");
        recorder.disk.crash();
        assertThat(recorder.disk.durableTermVote()).as("the vote it asked with is gone").isEqualTo(TermVote.INITIAL);
    }
}
