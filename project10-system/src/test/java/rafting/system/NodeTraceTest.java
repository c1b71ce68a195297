package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.NodeState;
import rafting.election.Role;
import rafting.log.LogEntry;
import rafting.replication.RequestVote;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;
import rafting.sim.timeline.TraceFiles;

/** A node's trace alone: events in, JSON lines out, added to across restarts, a crash found when the last life did not stop cleanly. */
@Tag("part6")
class NodeTraceTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void aLifeIsARestartItsEventsInTheirOrderAndAStopOneJsonLineEach() throws Exception {
        try (NodeTrace trace = NodeTrace.open(dir, 2, clock::get)) {
            trace.look(state(Role.FOLLOWER, 1, 0));
            clock.set(1_004);
            trace.deliver(new RequestVote(1, 2, 2, 0, 0, false));
            trace.look(state(Role.FOLLOWER, 2, 0));
            trace.send(new RequestVote(2, 3, 3, 0, 0, false));
            clock.set(1_002); // the wall clock stepped back: the trace's time does not
            trace.look(state(Role.CANDIDATE, 3, 0));
        }

        List<String> lines = Files.readAllLines(dir.resolve("node-2.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "{\"t\":1000,\"seq\":1,\"node\":2,\"kind\":\"fault\",\"text\":\"restart\",\"note\":\"starts from its data folder\"}",
                "{\"t\":1000,\"seq\":2,\"node\":2,\"kind\":\"role\",\"term\":1,\"text\":\"follower\"}",
                "{\"t\":1004,\"seq\":3,\"node\":2,\"kind\":\"deliver\",\"peer\":1,\"text\":\"1->2 RequestVote t=2 last=0/0\"}",
                "{\"t\":1004,\"seq\":4,\"node\":2,\"kind\":\"role\",\"term\":2,\"text\":\"follower\"}",
                "{\"t\":1004,\"seq\":5,\"node\":2,\"kind\":\"send\",\"peer\":3,\"text\":\"2->3 RequestVote t=3 last=0/0\"}",
                "{\"t\":1004,\"seq\":6,\"node\":2,\"kind\":\"role\",\"term\":3,\"text\":\"candidate\"}",
                "{\"t\":1004,\"seq\":7,\"node\":2,\"kind\":\"fault\",\"text\":\"stopped\",\"note\":\"closed\"}");
    }

    @Test
    void aRestartAfterAKillMarksTheCrashAtTheLastEventItWroteAndCountsOn() throws Exception {
        NodeTrace killed = NodeTrace.open(dir, 1, clock::get);
        clock.set(1_500);
        killed.look(state(Role.LEADER, 4, 7));
        killed.flush(); // the end of a batch; then kill -9: no stop
        Path file = dir.resolve("node-1.jsonl");
        Files.writeString(file, "{\"t\":1600,\"seq\":9,\"no", java.nio.file.StandardOpenOption.APPEND); // a line cut short
        clock.set(9_000);

        NodeTrace.open(dir, 1, clock::get).close();

        List<TraceEvent> events = TraceFiles.read(file);
        assertThat(events).extracting(e -> e.time() + " " + e.seq() + " " + e.kind().label() + " " + e.text()).containsExactly(
                "1000 1 fault restart", "1500 2 role leader", "1500 3 commit null",
                "1500 4 fault crash", "9000 5 fault restart", "9000 6 fault stopped");
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void aCleanStopIsNoCrash() throws Exception {
        NodeTrace.open(dir, 3, clock::get).close();
        clock.set(2_000);
        NodeTrace.open(dir, 3, clock::get).close();

        assertThat(TraceFiles.read(dir.resolve("node-3.jsonl"))).extracting(TraceEvent::text)
                .containsExactly("restart", "stopped", "restart", "stopped");
    }

    @Test
    void theDriversWritesAreAppendsAndTruncationsAtTheLogsIndexesAndSnapshotsAreSteps() throws Exception {
        try (DataFolder folder = DataFolder.open(dir.resolve("data")); NodeTrace trace = NodeTrace.open(dir, 1, clock::get)) {
            KvNode.Storage disk = trace.around(folder);
            disk.write(1, List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b"), LogEntry.of(1, "c")));
            disk.write(4, List.of(LogEntry.of(2, "d")));
            disk.write(3, List.of(LogEntry.of(3, "e"))); // §5.3: a conflict at 3 removes 3 and 4
            disk.sync();
            disk.takeSnapshot(new rafting.election.Snapshot(3, 3, new byte[0]));
            disk.write(4, List.of(LogEntry.of(3, "f")));
        }

        assertThat(TraceFiles.read(dir.resolve("node-1.jsonl"))).filteredOn(e -> e.kind() != Kind.FAULT)
                .extracting(e -> e.kind().label() + " " + e.index() + (e.text() == null ? "" : " " + e.text())).containsExactly(
                        "append 1 a", "append 2 b", "append 3 c", "append 4 d", "truncate 3", "append 3 e",
                        "step 0 takes a snapshot up to 3 (term 3)", "append 4 f");
    }

    @Test
    void clientsAreNumberedByTheirConnectionsThreadsAndRepliesShownAsRead() throws Exception {
        try (NodeTrace trace = NodeTrace.open(dir, 1, clock::get)) {
            int first = trace.client();
            long set = trace.request("SET x 1");
            var other = new int[1];
            var otherRequest = new long[1];
            Thread connection = new Thread(() -> {
                other[0] = trace.client();
                otherRequest[0] = trace.request("GET x");
            });
            connection.start();
            connection.join();
            trace.reply(first, set, NodeTrace.shown("+OK\r\n".getBytes(StandardCharsets.US_ASCII)));
            trace.reply(other[0], otherRequest[0], NodeTrace.shown("$1\r\n1\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThat(List.of(first, other[0])).containsExactly(1, 2);
        }

        assertThat(TraceFiles.read(dir.resolve("node-1.jsonl"))).filteredOn(e -> e.kind() != Kind.FAULT)
                .extracting(e -> e.kind().label() + " c" + e.peer() + " #" + e.id() + " " + e.text())
                .containsExactly("request c1 #1 SET x 1", "request c2 #2 GET x", "reply c1 #1 OK", "reply c2 #2 \"1\"");
        assertThat(NodeTrace.shown("$-1\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("nil");
        assertThat(NodeTrace.shown("-MOVED 866 127.0.0.1:7002\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("-MOVED 866 127.0.0.1:7002");
    }

    @Test
    void aTraceThatCannotBeWrittenSaysSoOnceAndStopsWhileTheNodeGoesOn() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, a device that is always full");
        Files.createSymbolicLink(dir.resolve("node-1.jsonl"), full);
        var said = new ArrayList<String>();
        Logger logger = Logger.getLogger(NodeTrace.class.getName());
        Handler listener = new Handler() {
            @Override
            public void publish(LogRecord record) {
                said.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(listener);
        try (NodeTrace trace = NodeTrace.open(dir, 1, clock::get)) {
            for (int term = 1; term <= 3; term++) {
                trace.look(state(Role.CANDIDATE, term, 0));
            }
        } finally {
            logger.removeHandler(listener);
        }

        assertThat(said).filteredOn(line -> line.contains("stops tracing")).singleElement().asString()
                .contains("n1 stops tracing: cannot write").contains("the node goes on");
    }

    private static NodeState state(Role role, long term, long commit) {
        return new NodeState(2, role, term, 0, 0, commit, commit, commit, term);
    }
}
