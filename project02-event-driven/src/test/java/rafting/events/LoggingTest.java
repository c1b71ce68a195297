package rafting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The operator's log: one line a record with time and causes, and bursts of one line folded into a count. */
@Tag("part2")
class LoggingTest {

    private static final Instant T0 = Instant.parse("2026-12-02T18:10:01.123Z");

    @Test
    void aRecordIsOneLineWithItsTimeLevelLoggerAndMessage() {
        LogRecord record = record("rafting.system.KvNode", Level.INFO, "n1 became leader at term 3", T0);

        assertThat(new OneLineFormatter().format(record))
                .isEqualTo("2026-12-02T18:10:01.123Z INFO rafting.system.KvNode: n1 became leader at term 3" + System.lineSeparator());
    }

    @Test
    void anExceptionAndEveryCauseStayOnTheSameLine() {
        LogRecord record = record("rafting.system.KvNode", Level.SEVERE, "n1 stops: cannot sync the log", T0);
        record.setThrown(new IllegalStateException("sync failed", new IOException("No space left on device")));

        assertThat(new OneLineFormatter().format(record)).isEqualTo("2026-12-02T18:10:01.123Z SEVERE rafting.system.KvNode: "
                + "n1 stops: cannot sync the log: java.lang.IllegalStateException: sync failed; caused by: "
                + "java.io.IOException: No space left on device" + System.lineSeparator());
    }

    @Test
    void aBurstOfOneKindOfLineIsCutAfterFiveAndCountedWhenItsWindowEnds() {
        var summaries = new ArrayList<LogRecord>();
        var repeats = new Repeats(5, Duration.ofSeconds(10), summaries::add);
        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            passed.add(repeats.isLoggable(record("rafting.system.PeerTransport", Level.WARNING,
                    "refused a connection from /127.0.0.1:" + (41000 + i), T0.plusMillis(i))));
        }
        assertThat(passed.stream().filter(p -> p)).hasSize(5);
        assertThat(passed.subList(0, 5)).containsOnly(true);
        assertThat(summaries).isEmpty();

        boolean later = repeats.isLoggable(record("rafting.system.KvNode", Level.INFO, "n1 became leader at term 4", T0.plusSeconds(11)));

        assertThat(later).isTrue();
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.getMessage()).isEqualTo("left out 15 more lines like \"refused a connection from /#.#.#.#:#\" in 10 s");
            assertThat(s.getLevel()).isEqualTo(Level.WARNING);
            assertThat(s.getLoggerName()).isEqualTo("rafting.system.PeerTransport");
        });
    }

    @Test
    void linesOfOtherLoggersOrOtherWordsAreCountedApart() {
        var repeats = new Repeats(1, Duration.ofSeconds(10), r -> { });

        assertThat(repeats.isLoggable(record("a", Level.WARNING, "accept failed", T0))).isTrue();
        assertThat(repeats.isLoggable(record("b", Level.WARNING, "accept failed", T0))).isTrue();
        assertThat(repeats.isLoggable(record("a", Level.WARNING, "read failed", T0))).isTrue();
        assertThat(repeats.isLoggable(record("a", Level.WARNING, "accept failed", T0))).isFalse();
        assertThat(repeats.isLoggable(record("a", Level.WARNING, "accept failed", T0.plusSeconds(10)))).isTrue();
    }

    @Test
    void aQuietKindOfLineLeavesNoSummary() {
        var summaries = new ArrayList<LogRecord>();
        var repeats = new Repeats(5, Duration.ofSeconds(10), summaries::add);
        repeats.isLoggable(record("a", Level.WARNING, "one", T0));
        repeats.isLoggable(record("a", Level.WARNING, "two", T0.plusSeconds(30)));

        assertThat(summaries).isEmpty();
    }

    private static LogRecord record(String logger, Level level, String message, Instant at) {
        var record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(at);
        return record;
    }
}
