package rafting.events;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code 2026-12-02T18:10:01.123Z WARNING rafting.system.KvNode: n1 stops: cannot sync the log:
 * java.io.IOException: No space left on device}: the time in UTC, the level, the logger, the
 * message, and the exception with every cause on the same line, so one grep finds all of it.
 */
final class OneLineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        var line = new StringBuilder(160);
        line.append(TIME.format(record.getInstant())).append(' ').append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ").append(formatMessage(record));
        Throwable thrown = record.getThrown();
        for (int depth = 0; thrown != null && depth < 8; depth++, thrown = thrown.getCause()) {
            line.append(depth == 0 ? ": " : "; caused by: ").append(thrown);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
