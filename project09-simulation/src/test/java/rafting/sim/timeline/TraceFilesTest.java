package rafting.sim.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace files written and read back, and the traces of several nodes merged into one run. */
@Tag("part9")
class TraceFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileReadsBackAsWritten() throws Exception {
        Path file = dir.resolve("run.jsonl");
        TraceFiles.write(file, TimelinePageTest.RUN);

        assertThat(TraceFiles.read(file)).isEqualTo(TimelinePageTest.RUN);
    }

    @Test
    void theNodesTracesMergeByWallClockThenNodeThenEachNodesOwnOrder() throws Exception {
        TraceFiles.write(dir.resolve("node-1.jsonl"), List.of(
                TraceEvent.role(1000, 1, 1, "candidate", 1),
                TraceEvent.send(1000, 2, 1, 2, 1, "1->2 RequestVote t=1 last=0/0"),
                TraceEvent.role(1003, 3, 1, "leader", 1)));
        TraceFiles.write(dir.resolve("node-2.jsonl"), List.of(
                TraceEvent.deliver(1001, 1, 2, 1, 1, "1->2 RequestVote t=1 last=0/0"),
                TraceEvent.role(1001, 2, 2, "follower", 1),
                TraceEvent.role(1000, 7, 2, "follower", 0)));
        Files.writeString(dir.resolve("notes.txt"), "not a trace");

        List<TraceEvent> merged = TraceFiles.merge(dir);

        assertThat(merged).extracting(e -> e.time() + " n" + e.node() + " " + e.kind().label()).containsExactly(
                "1000 n1 role", "1000 n1 send", "1000 n2 role", "1001 n2 deliver", "1001 n2 role", "1003 n1 role");
    }

    @Test
    void aBadLineNamesItsFileAndLineAndAnEmptyFolderIsRefused() throws Exception {
        Path file = dir.resolve("node-3.jsonl");
        Files.writeString(file, TraceJson.write(TraceEvent.commit(1, 1, 3, 1)) + "\n\n{\"kind\":\"commit\",\"t\":x}\n");

        assertThatThrownBy(() -> TraceFiles.read(file)).hasMessageStartingWith(file + " line 3: bad trace line");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> TraceFiles.merge(empty)).hasMessageContaining("no trace (*.jsonl) in " + empty);
    }
}
