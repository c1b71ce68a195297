package rafting.sim.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trace files: one node's (or one run's) events, one JSON line each ({@link TraceJson}), UTF-8,
 * and the merge of a folder of them into one run, ordered by time, then file, then each file's own
 * order: a node's own events keep their order whatever node they name (a delivery names its
 * receiver, the simulator's client events name no node).
 */
public final class TraceFiles {

    private TraceFiles() {
    }

    /** Writes {@code events} to {@code file}, one line each, replacing what it held. */
    public static void write(Path file, List<TraceEvent> events) throws IOException {
        throw new UnsupportedOperationException("Part 9: write TraceFiles.write");
    }

    /**
     * The events of one file, in its order; blank lines are skipped, and so is a last line cut
     * short (no newline at its end, and not one event: the line a node is writing). A bad line is an
     * {@code IllegalArgumentException} naming the file and the line number, then
     * {@link TraceJson#read}'s message: {@code /tmp/x/node-3.jsonl line 3: bad trace line at ...}.
     * A file of more than 1,000,000 events is refused ({@code <file>: more than 1000000 events}).
     */
    public static List<TraceEvent> read(Path file) throws IOException {
        throw new UnsupportedOperationException("Part 9: write TraceFiles.read");
    }

    /**
     * One run from {@code path}: a file's events, or, for a folder, the events of every
     * {@code *.jsonl} file in it merged and sorted by time, then file (in the order of their names),
     * then each file's order. A
     * folder without one is an {@code IllegalArgumentException}: {@code no trace (*.jsonl) in <folder>};
     * more than 1,000,000 events in all: {@code <folder>: more than 1000000 events}.
     */
    public static List<TraceEvent> merge(Path path) throws IOException {
        throw new UnsupportedOperationException("Part 9: write TraceFiles.merge");
    }

    /**
     * The last {@code last} events of {@link #merge(Path)} (all of them for 0), holding at most
     * {@code last} events of each file in memory, so that a trace of hours can be read.
     */
    public static List<TraceEvent> merge(Path path, int last) throws IOException {
        throw new UnsupportedOperationException("Part 9: write TraceFiles.merge of the last events");
    }
}
