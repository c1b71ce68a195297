package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.TermVote;
import rafting.log.LogEntry;

@Tag("part1")
class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewFolderStartsAtTermZeroWithAnEmptyLog() throws IOException {
        try (var data = DataFolder.open(dir.resolve("node-1"))) {
            assertThat(data.termVote()).isEqualTo(TermVote.INITIAL);
            assertThat(data.log().lastIndex()).isZero();
        }
    }

    @Test
    void termVoteAndLogSurviveAReopen() throws IOException {
        try (var data = DataFolder.open(dir)) {
            data.save(new TermVote(3, 2));
            data.write(1, List.of(LogEntry.of(3, "set x 1")));
            data.sync();
        }
        try (var data = DataFolder.open(dir)) {
            assertThat(data.termVote()).isEqualTo(new TermVote(3, 2));
            assertThat(data.log().get(1)).isEqualTo(LogEntry.of(3, "set x 1"));
        }
    }

    @Test
    void aWriteReplacesTheLogFromItsIndexOn_asTheDriverAsks() throws IOException {
        try (var data = DataFolder.open(dir)) {
            data.write(1, List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b"), LogEntry.of(1, "c")));
            data.write(2, List.of(LogEntry.of(2, "x")));
            data.sync();
        }
        try (var data = DataFolder.open(dir)) {
            assertThat(data.log().lastIndex()).isEqualTo(2);
            assertThat(data.log().get(2)).isEqualTo(LogEntry.of(2, "x"));
        }
    }

    @Test
    void aHalfWrittenReplacementLeavesTheOldRecord() throws IOException {
        try (var data = DataFolder.open(dir)) {
            data.save(new TermVote(4, 1));
        }
        // A crash in the middle of save(): the temporary file holds part of the new record.
        Files.write(dir.resolve("term-vote.tmp"), new byte[] {0x52, 0x46, 0x54, 0x56, 0, 0, 0});
        try (var data = DataFolder.open(dir)) {
            assertThat(data.termVote()).isEqualTo(new TermVote(4, 1));
            data.save(new TermVote(5, 3));
        }
        try (var data = DataFolder.open(dir)) {
            assertThat(data.termVote()).isEqualTo(new TermVote(5, 3));
        }
        assertThat(Files.exists(dir.resolve("term-vote.tmp"))).isFalse();
    }

    @Test
    void aDamagedTermVoteRecordIsRefused() throws IOException {
        try (var data = DataFolder.open(dir)) {
            data.save(new TermVote(4, 1));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("term-vote"));
        bytes[11] ^= 1;
        Files.write(dir.resolve("term-vote"), bytes);
        assertThatThrownBy(() -> DataFolder.open(dir))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("could vote twice");
    }

    @Test
    void twoNodesNeverShareAFolder() throws IOException {
        try (var first = DataFolder.open(dir)) {
            assertThat(first.path()).isEqualTo(dir);
            assertThatThrownBy(() -> DataFolder.open(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another node");
        }
        DataFolder.open(dir).close(); // free again once the first has closed
    }
}
