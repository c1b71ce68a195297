package rafting.sim.timeline;

import java.io.Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Trace files: one node's (or one run's) events, one JSON line each, and the merge of a folder of
 * them into one run, ordered by time, then by file, then by each file's own order: a node's own
 * events keep their order whatever node they name (a delivery names its receiver, a drop written
 * by the sender names the receiver too, the simulator's client events name no node).
 */
public final class TraceFiles {

    /** A trace longer than this is refused: a page of more is no longer one a person reads. */
    static final int MAX_EVENTS = 1_000_000;

    /** An event, the file it came from, and its place there. */
    private record Placed(TraceEvent event, int file, long place) {
    }

    /** The order of merged traces: by time, then file, then the event's place in its file. */
    private static final Comparator<Placed> ORDER = Comparator.comparingLong((Placed p) -> p.event().time())
            .thenComparingInt(Placed::file).thenComparingLong(Placed::place);

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

    /**
     * The events of one file; a bad line is an error naming the file and the line. Blank lines are
     * skipped, and so is a last line cut short (no newline at its end, and not one event): the
     * line a node was writing when it was killed, or is writing now.
     */
    public static List<TraceEvent> read(Path file) throws IOException {
        var events = new ArrayList<TraceEvent>();
        read(file, event -> {
            if (events.size() == MAX_EVENTS) {
                throw new IllegalArgumentException(file + ": more than " + MAX_EVENTS + " events");
            }
            events.add(event);
        });
        return events;
    }

    private static void read(Path file, Consumer<TraceEvent> each) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var line = new StringBuilder();
            int number = 0;
            char[] buffer = new char[1 << 14];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        line.append(buffer[i]);
                        continue;
                    }
                    number++;
                    parse(file, number, line.toString(), false, each);
                    line.setLength(0);
                }
            }
            if (!line.isEmpty()) {
                parse(file, number + 1, line.toString(), true, each);
            }
        }
    }

    private static void parse(Path file, int number, String line, boolean cutShort, Consumer<TraceEvent> each) {
        if (line.isBlank()) {
            return;
        }
        TraceEvent event;
        try {
            event = TraceJson.read(line);
        } catch (IllegalArgumentException e) {
            if (cutShort) {
                return;
            }
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
        each.accept(event);
    }

    /**
     * The events of {@code path}: the file itself, or every {@code *.jsonl} file in the folder,
     * merged by time, then file, then each file's order. A folder without a trace is an error.
     */
    public static List<TraceEvent> merge(Path path) throws IOException {
        return merge(path, 0);
    }

    /**
     * The last {@code last} events of {@link #merge(Path)} (all of them if {@code last} is 0),
     * holding no more than {@code last} of each file in memory: a cluster traced for hours makes
     * files of millions of events, and its page shows the end.
     */
    public static List<TraceEvent> merge(Path path, int last) throws IOException {
        if (last < 0) {
            throw new IllegalArgumentException("the last " + last + " events?");
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no trace (*.jsonl) in " + path);
            }
        } else {
            files = List.of(path);
        }
        var placed = new ArrayList<Placed>();
        for (int f = 0; f < files.size(); f++) {
            int file = f;
            var kept = new ArrayDeque<Placed>();
            long[] place = {0};
            read(files.get(f), event -> {
                if (last > 0 && kept.size() == last) {
                    kept.removeFirst();
                }
                kept.addLast(new Placed(event, file, place[0]++));
                if (last == 0 && placed.size() + kept.size() > MAX_EVENTS) {
                    throw new IllegalArgumentException(path + ": more than " + MAX_EVENTS + " events");
                }
            });
            placed.addAll(kept);
        }
        placed.sort(ORDER);
        List<Placed> end = last > 0 && placed.size() > last ? placed.subList(placed.size() - last, placed.size()) : placed;
        return end.stream().map(Placed::event).toList();
    }
}
