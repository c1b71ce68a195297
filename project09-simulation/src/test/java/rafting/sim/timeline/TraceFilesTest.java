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
    void theNodesTracesMergeByWallClockThenFileThenEachFilesOwnOrder() throws Exception {
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
    void aNodesOwnEventsOfOneMillisecondKeepTheirOrderWhateverNodeTheyName() throws Exception {
        TraceFiles.write(dir.resolve("node-1.jsonl"), List.of(
                TraceEvent.send(2000, 1, 1, 3, 0, "1->3 AppendEntries t=1 prev=0/0 entries=[] commit=0"),
                TraceEvent.drop(2000, 2, 3, 1, 0, "1->3 AppendEntries t=1 prev=0/0 entries=[] commit=0", "n1's queue for n3 is full"),
                TraceEvent.request(2000, 3, 0, 1, 1, "SET x 1"),
                TraceEvent.role(2000, 4, 1, "follower", 2)));
        TraceFiles.write(dir.resolve("node-2.jsonl"), List.of(TraceEvent.role(2000, 1, 2, "candidate", 2)));

        List<TraceEvent> merged = TraceFiles.merge(dir);

        assertThat(merged).extracting(e -> e.kind().label() + " n" + e.node()).containsExactly(
                "send n1", "drop n3", "request n0", "role n1", "role n2");
    }

    @Test
    void theLastEventsOfALongTraceAreItsEndHoldingNoMoreOfEachFile() throws Exception {
        var one = new java.util.ArrayList<TraceEvent>();
        var two = new java.util.ArrayList<TraceEvent>();
        for (int i = 1; i <= 100; i++) {
            one.add(TraceEvent.commit(i * 10, i, 1, i));
            two.add(TraceEvent.commit(i * 10 + 5, i, 2, i));
        }
        TraceFiles.write(dir.resolve("node-1.jsonl"), one);
        TraceFiles.write(dir.resolve("node-2.jsonl"), two);

        List<TraceEvent> last = TraceFiles.merge(dir, 5);

        assertThat(last).extracting(TraceEvent::time).containsExactly(985L, 990L, 995L, 1000L, 1005L);
        assertThat(TraceFiles.merge(dir, 0)).hasSize(200);
    }

    @Test
    void aLastLineCutShortIsTheOneBeingWrittenAndIsLeftOut() throws Exception {
        Path file = dir.resolve("node-1.jsonl");
        String whole = TraceJson.write(TraceEvent.commit(1, 1, 1, 1)) + "\n";
        Files.writeString(file, whole + TraceJson.write(TraceEvent.commit(2, 2, 1, 2)).substring(0, 12));

        assertThat(TraceFiles.read(file)).containsExactly(TraceEvent.commit(1, 1, 1, 1));
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
