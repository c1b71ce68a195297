package rafting.sim.timeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trace files: one node's (or one run's) events, one JSON line each, and the merge of a folder of
 * them into one run, ordered by time, then node, then each node's own sequence number.
 */
public final class TraceFiles {

    /** A trace longer than this is refused: a page of more is no longer one a person reads. */
    static final int MAX_EVENTS = 1_000_000;

    /** The order of merged traces: by time, then node, then the node's own counter. */
    static final Comparator<TraceEvent> ORDER = Comparator.comparingLong(TraceEvent::time)
            .thenComparingInt(TraceEvent::node).thenComparingLong(TraceEvent::seq);

    private TraceFiles() {
    }

    /** Writes {@code events}, one line each. */
    public static void write(Path file, List<TraceEvent> events) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (TraceEvent event : events) {
                out.write(TraceJson.write(event));
                out.write('\n');
            }
        }
    }

    /** The events of one file; a bad line is an error naming the file and the line. Blank lines are skipped. */
    public static List<TraceEvent> read(Path file) throws IOException {
        var events = new ArrayList<TraceEvent>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (events.size() == MAX_EVENTS) {
                    throw new IllegalArgumentException(file + ": more than " + MAX_EVENTS + " events");
                }
                try {
                    events.add(TraceJson.read(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        return events;
    }

    /**
     * The events of {@code path}: the file itself, or every {@code *.jsonl} file in the folder,
     * merged in {@link #ORDER}. A folder without a trace is an error.
     */
    public static List<TraceEvent> merge(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return read(path);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(path)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no trace (*.jsonl) in " + path);
        }
        var events = new ArrayList<TraceEvent>();
        for (Path file : files) {
            events.addAll(read(file));
            if (events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException(path + ": more than " + MAX_EVENTS + " events");
            }
        }
        events.sort(ORDER);
        return events;
    }
}
