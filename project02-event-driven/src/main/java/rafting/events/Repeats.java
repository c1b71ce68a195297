package rafting.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Rate-limits repeated log lines: of records of one logger and level whose messages differ only in
 * their numbers ({@code refused a connection from /127.0.0.1:41910}), the first {@code burst} of a
 * window pass; the rest are counted, and when the window is over the next record of any kind is
 * preceded by one line that says how many were left out. Time is the records' own, so that a test
 * can replay records with any instants and no clock.
 */
final class Repeats implements Filter {

    static final int DEFAULT_BURST = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** At most this many kinds of line are tracked; beyond it, the oldest windows are closed early. */
    static final int MAX_KINDS = 1024;

    private static final class Window {
        final Instant start;
        final LogRecord first;
        int seen;

        Window(Instant start, LogRecord first) {
            this.start = start;
            this.first = first;
        }
    }

    private final int burst;
    private final Duration window;
    private final Consumer<LogRecord> out;
    private final Map<String, Window> windows = new HashMap<>();

    /** Lets {@code burst} records of a kind through per {@code window}; writes its summaries to {@code out}. */
    Repeats(int burst, Duration window, Consumer<LogRecord> out) {
        this.burst = burst;
        this.window = window;
        this.out = out;
    }

    @Override
    public synchronized boolean isLoggable(LogRecord record) {
        Instant now = record.getInstant();
        for (LogRecord summary : closeWindows(now, false)) {
            out.accept(summary);
        }
        String kind = record.getLoggerName() + " " + record.getLevel() + " " + shape(record);
        Window current = windows.computeIfAbsent(kind, k -> new Window(now, record));
        current.seen++;
        if (windows.size() > MAX_KINDS) {
            closeWindows(now, true).forEach(out);
        }
        return current.seen <= burst;
    }

    /** Ends the windows that are over (or, when {@code all}, every one) and returns a summary for each that left records out. */
    private List<LogRecord> closeWindows(Instant now, boolean all) {
        var summaries = new ArrayList<LogRecord>();
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            if (all || !now.isBefore(w.start.plus(window))) {
                it.remove();
                if (w.seen > burst) {
                    var summary = new LogRecord(w.first.getLevel().intValue() >= Level.WARNING.intValue() ? Level.WARNING : w.first.getLevel(),
                            "left out " + (w.seen - burst) + " more lines like \"" + shape(w.first) + "\" in " + window.toSeconds() + " s");
                    summary.setLoggerName(w.first.getLoggerName());
                    summary.setInstant(now);
                    summaries.add(summary);
                }
            }
        }
        return summaries;
    }

    /** A record's message with its numbers replaced by {@code #}: what lines of one kind share. */
    static String shape(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        return message.replaceAll("\\d+", "#");
    }
}
