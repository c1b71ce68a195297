package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 1: an entry. */
@Tag("part1")
class LogEntryTest {

    @Test
    void entriesWithTheSameTermAndCommandAreEqual() {
        assertThat(LogEntry.of(1, "set x 1")).isEqualTo(LogEntry.of(1, "set x 1"));
        assertThat(LogEntry.of(1, "set x 1")).hasSameHashCodeAs(LogEntry.of(1, "set x 1"));
        assertThat(LogEntry.of(1, "set x 1")).isEqualTo(LogEntry.of(1, "set x 1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDifferentTermOrCommandMakesADifferentEntry() {
        assertThat(LogEntry.of(1, "set x 1")).isNotEqualTo(LogEntry.of(2, "set x 1"));
        assertThat(LogEntry.of(1, "set x 1")).isNotEqualTo(LogEntry.of(1, "set x 2"));
    }

    @Test
    void theEntryKeepsItsOwnCopyOfTheCommand() {
        byte[] bytes = {1, 2, 3};
        var entry = LogEntry.of(4, bytes);
        bytes[0] = 9;
        entry.command()[1] = 9;

        assertThat(entry.command()).containsExactly(1, 2, 3);
    }

    @Test
    void commandsAreBinarySafe() {
        byte[] bytes = {0, (byte) 0xff, '\r', '\n'};
        assertThat(LogEntry.of(1, bytes).command()).containsExactly(bytes);
        assertThat(LogEntry.of(1, bytes).size()).isEqualTo(4);
    }

    @Test
    void readsAsTermColonCommand() {
        assertThat(LogEntry.of(1, "set x 1")).hasToString("1:set x 1");
        assertThat(LogEntry.noop(3)).hasToString("3:no-op");
        assertThat(LogEntry.noop(3).isNoop()).isTrue();
        assertThat(LogEntry.of(3, "x").isNoop()).isFalse();
        assertThat(LogEntry.of(3, "x").text()).isEqualTo("x");
    }

    @Test
    void refusesATermBelowOneAndAMissingCommand() {
        assertThatThrownBy(() -> LogEntry.of(0, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("term is at least 1");
        assertThatThrownBy(() -> LogEntry.of(1, (byte[]) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
