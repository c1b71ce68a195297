package rafting.log;

import java.util.ArrayList;
import java.util.List;

/** Small builders for test logs: entries named after their index, so the terms tell the story. */
final class Logs {

    private Logs() {
    }

    /** A log whose entries 1, 2, ... have the given terms. */
    static RaftLog withTerms(long... terms) {
        var log = new RaftLog();
        log.appendEntries(0, 0, entries(1, terms));
        return log;
    }

    /** Entries for indexes {@code from, from + 1, ...} with the given terms, each command naming its index and term. */
    static List<LogEntry> entries(long from, long... terms) {
        var out = new ArrayList<LogEntry>();
        for (int i = 0; i < terms.length; i++) {
            out.add(entry(from + i, terms[i]));
        }
        return out;
    }

    static LogEntry entry(long index, long term) {
        return LogEntry.of(term, "e" + index + "t" + term);
    }

    /** The terms of every entry held, in order. */
    static List<Long> terms(RaftLog log) {
        return log.entries().stream().map(LogEntry::term).toList();
    }
}
