package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.sim.history.CheckResult.Outcome.LINEARIZABLE;
import static rafting.sim.history.CheckResult.Outcome.NOT_LINEARIZABLE;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.history.Command.Kind;

/**
 * The model of expiry: a history's times are the store's milliseconds, a value written by
 * {@code PSETEX k 10 v} at a moment within [1, 2] expires within [11, 12], and a key expires once
 * the time is past its expiry, as in Redis.
 */
@Tag("part2")
class ExpiryModelTest {

    private static final Command PTTL = Command.of(Kind.PTTL, "k");

    private static Operation op(long from, long to, Command command, String reply) {
        return Operation.completed(1, command, reply, from, to);
    }

    private static CheckResult.Outcome check(Operation... operations) {
        return LinearizabilityChecker.check(List.of(operations)).outcome();
    }

    @Test
    void aValueIsReadUntilItsExpiryAndNeverAfter() {
        Operation set = op(1, 2, Command.psetex("k", 10, "v"), "OK");
        assertThat(check(set, op(5, 6, Command.get("k"), "v"), op(20, 21, Command.get("k"), null))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(13, 14, Command.get("k"), "v"))).as("read after it certainly expired").isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(set, op(5, 6, Command.get("k"), null))).as("gone before it could expire").isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(set, op(11, 12, Command.get("k"), "v"))).as("within the bounds").isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(11, 13, Command.get("k"), null))).as("within the bounds").isEqualTo(LINEARIZABLE);
    }

    @Test
    void whatOneReadSawBoundsWhatTheNextMaySee() {
        Operation set = op(1, 2, Command.psetex("k", 10, "v"), "OK");
        // Seen gone by 11: it expired at 10 at the latest, so it is gone at 12 too, and a later PSETEX is what a read finds.
        assertThat(check(set, op(9, 11, Command.get("k"), null), op(15, 16, Command.get("k"), "v"))).isEqualTo(NOT_LINEARIZABLE);
        // Seen at 12 at the earliest: it expires at 12, so only a read at 13 or later finds it gone.
        assertThat(check(set, op(12, 13, Command.get("k"), "v"), op(13, 13, Command.get("k"), null))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(12, 13, Command.get("k"), "v"), op(12, 12, Command.get("k"), null))).isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(set, op(12, 13, Command.get("k"), "v"), op(14, 14, Command.get("k"), "v"))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void pttlGivesTheTimeLeftAndPinsTheExpiry() {
        Operation set = op(1, 2, Command.psetex("k", 10, "v"), "OK");
        assertThat(check(set, op(4, 4, PTTL, "7"), op(11, 11, Command.get("k"), "v"))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(4, 4, PTTL, "7"), op(12, 12, Command.get("k"), "v"))).as("expired at 11").isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(set, op(4, 4, PTTL, "3"))).as("no moment of the PSETEX leaves 3 at 4").isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(op(1, 2, Command.set("k", "v"), "OK"), op(3, 4, PTTL, "-1"), op(5, 6, Command.del("k"), "1"),
                op(7, 8, PTTL, "-2"))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(3, 4, PTTL, "-1"))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void setAndDelEndAnExpiryAndAnOpenPsetexMayTakeEffectLate() {
        Operation set = op(1, 2, Command.psetex("k", 10, "v"), "OK");
        assertThat(check(set, op(3, 4, Command.set("k", "w"), "OK"), op(50, 51, Command.get("k"), "w"))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(3, 4, Command.del("k"), "1"), op(5, 6, Command.get("k"), null))).isEqualTo(LINEARIZABLE);
        assertThat(check(set, op(15, 16, Command.del("k"), "1"))).as("nothing left to delete").isEqualTo(NOT_LINEARIZABLE);

        Operation late = Operation.open(2, Command.psetex("k", 10, "v"), 1);
        assertThat(check(late, op(30, 31, Command.get("k"), "v"))).as("it took effect at 20 or later").isEqualTo(LINEARIZABLE);
        assertThat(check(late, op(5, 5, PTTL, "3"))).as("made at 1 or later, it expires at 11 or later").isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void theTextOfPsetexAndPttlAndWhatTheyMayReply() {
        assertThat(Command.parse("PSETEX k 30 v")).isEqualTo(Command.psetex("k", 30, "v")).hasToString("PSETEX k 30 v");
        assertThat(Command.parse("PTTL k")).hasToString("PTTL k");
        assertThat(Command.parse("PSETEX k 0 v")).isNull();
        assertThat(Command.parse("PSETEX k soon v")).isNull();
        assertThat(PTTL.problemWithReply("-3")).isNotNull();
        assertThatThrownBy(() -> LinearizabilityChecker.check(List.of(op(1, 2, Command.psetex("k", 10, "1"), "OK"),
                op(3, 4, Command.of(Kind.INCR, "k"), "2")))).hasMessageContaining("no model of INCR with an expiry");
    }
}
