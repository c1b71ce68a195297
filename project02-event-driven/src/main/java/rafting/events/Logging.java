package rafting.events;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The course's log format for programs, what an operator can read and grep: one line per record,
 * {@code 2026-12-02T18:10:01.123Z WARNING logger: message: the exception; caused by: its cause},
 * with a record that repeats many times a second folded into a count (see {@link Repeats}). The
 * JDK's default format spreads each record over two lines, drops nothing and prints the stack.
 */
public final class Logging {

    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private Logging() {
    }

    /**
     * Call first thing in {@code main}, before anything logs. A format given on the command line
     * ({@code -Djava.util.logging.SimpleFormatter.format=...}) wins.
     */
    public static void useOneLinePerRecord() {
        if (System.getProperty(FORMAT_PROPERTY) != null) {
            return;
        }
        LogManager.getLogManager();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new OneLineFormatter());
            handler.setFilter(new Repeats(Repeats.DEFAULT_BURST, Repeats.DEFAULT_WINDOW, handler::publish));
        }
    }
}
