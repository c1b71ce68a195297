package rafting.replication;

import java.util.ArrayList;
import java.util.List;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/** Test logs built from their terms; each command names its index and term. */
final class Logs {

    private Logs() {
    }

    static RaftLog withTerms(long... terms) {
        var log = new RaftLog();
        for (int i = 0; i < terms.length; i++) {
            log.append(entry(i + 1, terms[i]));
        }
        return log;
    }

    static LogEntry entry(long index, long term) {
        return LogEntry.of(term, "e" + index + "t" + term);
    }

    static List<Long> terms(RaftLog log) {
        return log.entries().stream().map(LogEntry::term).toList();
    }

    static long[] repeat(long term, int count) {
        var terms = new long[count];
        java.util.Arrays.fill(terms, term);
        return terms;
    }

    static List<LogEntry> entries(long from, long... terms) {
        var out = new ArrayList<LogEntry>();
        for (int i = 0; i < terms.length; i++) {
            out.add(entry(from + i, terms[i]));
        }
        return out;
    }
}
