package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

@Tag("part1")
class SegmentLogStorageTest {

    @TempDir
    Path dir;

    private static List<LogEntry> entries(int from, int to, long term) {
        var list = new ArrayList<LogEntry>();
        for (int i = from; i <= to; i++) {
            list.add(LogEntry.of(term, "set k" + i + " v" + i));
        }
        return list;
    }

    private static List<LogEntry> read(SegmentLogStorage storage) {
        return new RaftLog(storage).entries();
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
    }

    @Test
    void reopeningGivesTheSameLog() throws IOException {
        List<LogEntry> written = new ArrayList<>(entries(1, 50, 1));
        written.add(LogEntry.noop(2));
        written.addAll(entries(52, 60, 3));
        try (var storage = SegmentLogStorage.open(dir, 300)) {
            storage.append(written);
            storage.sync();
        }
        try (var storage = SegmentLogStorage.open(dir, 300)) {
            assertThat(read(storage)).isEqualTo(written);
            storage.append(entries(61, 61, 3));
            storage.sync();
        }
        try (var storage = SegmentLogStorage.open(dir, 300)) {
            assertThat(storage.lastIndex()).isEqualTo(61);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("small segments roll over").isGreaterThan(5);
        }
    }

    @Test
    void truncationAcrossSegmentsIsDurable() throws IOException {
        try (var storage = SegmentLogStorage.open(dir, 300)) {
            storage.append(entries(1, 40, 1));
            storage.sync();
            storage.truncateFrom(7);
            storage.append(entries(7, 9, 2));
            storage.sync();
            assertThat(storage.lastIndex()).isEqualTo(9);
        }
        try (var storage = SegmentLogStorage.open(dir, 300)) {
            List<LogEntry> expected = new ArrayList<>(entries(1, 6, 1));
            expected.addAll(entries(7, 9, 2));
            assertThat(read(storage)).isEqualTo(expected);
        }
    }

    @Test
    void truncationOfEntriesNotYetSyncedNeverReachesTheDisk() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 3, 1));
            storage.sync();
            storage.append(entries(4, 6, 1));
            storage.truncateFrom(5);
            storage.sync();
        }
        try (var storage = SegmentLogStorage.open(dir)) {
            assertThat(read(storage)).isEqualTo(entries(1, 4, 1));
        }
    }

    @Test
    void aTornTailIsCutOffAtEveryByteOfTheLastRecord() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 2, 1));
            storage.sync();
            storage.append(entries(3, 3, 1)); // written, never synced, when the machine stops
        }
        Path segment = onlySegment();
        byte[] whole = Files.readAllBytes(segment);
        byte[] mark = Files.readAllBytes(dir.resolve(SyncMark.FILE_NAME));
        int lastRecordLength = SegmentLogStorage.HEADER_BYTES + 8 + "set k3 v3".length();
        int lastStart = whole.length - lastRecordLength;
        for (int cut = lastStart; cut < whole.length; cut++) {
            Files.write(segment, java.util.Arrays.copyOf(whole, cut));
            Files.write(dir.resolve(SyncMark.FILE_NAME), mark);
            try (var storage = SegmentLogStorage.open(dir)) {
                assertThat(read(storage)).as("cut at byte %d", cut).isEqualTo(entries(1, 2, 1));
                storage.append(entries(3, 3, 2));
                storage.sync();
            }
            try (var storage = SegmentLogStorage.open(dir)) {
                assertThat(storage.get(3)).as("appends after a recovered tail, cut at %d", cut)
                        .isEqualTo(LogEntry.of(2, "set k3 v3"));
            }
        }
    }

    @Test
    void anUnsyncedRecordThatLandedAsZerosIsTorn_butOneWithABadChecksumIsCorruption() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 2, 1));
            storage.sync();
            storage.append(entries(3, 3, 1));
        }
        Path segment = onlySegment();
        byte[] whole = Files.readAllBytes(segment);
        int lastStart = whole.length - (SegmentLogStorage.HEADER_BYTES + 8 + "set k3 v3".length());

        byte[] zeros = whole.clone();
        java.util.Arrays.fill(zeros, lastStart + 12, zeros.length, (byte) 0); // the file grew, the data never came
        Files.write(segment, zeros);
        try (var storage = SegmentLogStorage.open(dir)) {
            assertThat(read(storage)).isEqualTo(entries(1, 2, 1));
        }

        byte[] flipped = whole.clone();
        flipped[flipped.length - 1] ^= 1;
        Files.write(segment, flipped);
        assertThatThrownBy(() -> SegmentLogStorage.open(dir)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("a complete record with a bad checksum at byte " + lastStart + " (index 3)");
    }

    @Test
    void aSyncedLastRecordWithABadChecksumIsCorruption_notATornWrite() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 3, 1));
            storage.sync(); // acknowledged to a client from here on
        }
        Path segment = onlySegment();
        byte[] data = Files.readAllBytes(segment);
        data[data.length - 1] ^= 1;
        Files.write(segment, data);

        assertThatThrownBy(() -> SegmentLogStorage.open(dir)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("(index 3)").hasMessageContaining("synced up to 3")
                .hasMessageContaining("refusing to start");
    }

    @Test
    void aLogCutAtARecordBoundaryOrWithoutItsFileIsRefused_entriesThatWereSyncedAreMissing() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 3, 1));
            storage.sync();
        }
        Path segment = onlySegment();
        byte[] data = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(data, data.length / 3 * 2)); // two whole records of three
        assertThatThrownBy(() -> SegmentLogStorage.open(dir)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("ends at index 2, but entries up to 3 were synced")
                .hasMessageContaining("1 entries are missing");

        Files.delete(segment);
        assertThatThrownBy(() -> SegmentLogStorage.open(dir)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("has no segment file, but entries up to 3 were synced");
    }

    @Test
    void aDeletedLastSegmentIsRefused() throws IOException {
        try (var storage = SegmentLogStorage.open(dir, 100)) {
            storage.append(entries(1, 20, 1));
            storage.sync();
        }
        List<Path> segments;
        try (var listing = Files.list(dir)) {
            segments = listing.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(segments).hasSizeGreaterThan(2);
        Files.delete(segments.get(segments.size() - 1));

        assertThatThrownBy(() -> SegmentLogStorage.open(dir, 100)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("but entries up to 20 were synced");
    }

    @Test
    void entriesDeletedOnALeadersWordAreNotMissingAfterARestart() throws IOException {
        try (var storage = SegmentLogStorage.open(dir, 100)) {
            storage.append(entries(1, 20, 1));
            storage.sync();
            storage.truncateFrom(5); // they conflicted with a new leader's log
            storage.append(entries(5, 6, 2));
            // a crash before the next sync
        }
        try (var storage = SegmentLogStorage.open(dir, 100)) {
            assertThat(storage.lastIndex()).isBetween(4L, 6L);
            assertThat(storage.get(4)).isEqualTo(LogEntry.of(1, "set k4 v4"));
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 2, 1));
            storage.sync();
        }
        Path segment = onlySegment();
        Files.write(segment, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        try (var storage = SegmentLogStorage.open(dir)) {
            assertThat(read(storage)).isEqualTo(entries(1, 2, 1));
        }
        assertThat(Files.size(segment)).as("the tail is gone from the file too").isEqualTo(2L * (8 + 8 + 9));
    }

    @Test
    void aCorruptRecordWithGoodRecordsAfterItIsRefused() throws IOException {
        try (var storage = SegmentLogStorage.open(dir)) {
            storage.append(entries(1, 5, 1));
            storage.sync();
        }
        Path segment = onlySegment();
        try (var file = new RandomAccessFile(segment.toFile(), "rw")) {
            long middle = 2L * (8 + 8 + 9) + 20; // inside the third record's command
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> SegmentLogStorage.open(dir))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("index 3")
                .hasMessageContaining("refusing to start");
    }

    @Test
    void aDamagedSegmentBeforeTheLastIsRefusedEvenAtItsEnd() throws IOException {
        try (var storage = SegmentLogStorage.open(dir, 60)) {
            storage.append(entries(1, 6, 1));
            storage.sync();
        }
        Path first;
        try (Stream<Path> files = Files.list(dir)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(first);
        Files.write(first, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> SegmentLogStorage.open(dir, 60)).isInstanceOf(CorruptLogException.class);
    }

    @Test
    void aMissingSegmentIsRefused() throws IOException {
        try (var storage = SegmentLogStorage.open(dir, 60)) {
            storage.append(entries(1, 6, 1));
            storage.sync();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Files.delete(files.sorted().skip(1).findFirst().orElseThrow());
        }
        assertThatThrownBy(() -> SegmentLogStorage.open(dir, 60))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("a segment is missing");
    }
}
