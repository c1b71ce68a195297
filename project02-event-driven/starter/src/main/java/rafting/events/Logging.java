package rafting.events;

/**
 * The course's log format for programs: one line per record, {@code LEVEL logger: message}.
 * The JDK's default format spreads each record over two lines. Given whole.
 */
public final class Logging {

    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    static final String ONE_LINE = "%4$s %3$s: %5$s%n";

    private Logging() {
    }

    /**
     * Call first thing in {@code main}, before anything logs. A format given on the command line
     * ({@code -Djava.util.logging.SimpleFormatter.format=...}) wins.
     */
    public static void useOneLinePerRecord() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, ONE_LINE);
        }
    }
}
