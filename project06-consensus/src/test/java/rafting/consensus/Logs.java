package rafting.consensus;

import rafting.log.LogEntry;
import rafting.log.RaftLog;

/** Test logs built from their terms; entry i's command is {@code e<i>}. */
final class Logs {

    private Logs() {
    }

    static RaftLog withTerms(long... terms) {
        var log = new RaftLog();
        for (int i = 0; i < terms.length; i++) {
            log.append(LogEntry.of(terms[i], "e" + (i + 1)));
        }
        return log;
    }
}
