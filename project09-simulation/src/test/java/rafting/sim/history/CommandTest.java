package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Commands as text: what {@code toString} writes, {@code parse} reads back, and nothing else. */
@Tag("part2")
class CommandTest {

    @Test
    void parsesWhatItWrites() {
        for (Command command : List.of(Command.get("x"), Command.set("x", "1"), Command.del("y"),
                Command.exists("z"), Command.cas("x", "1", "2"))) {
            assertThat(Command.parse(command.toString())).isEqualTo(command);
        }
    }

    @Test
    void readsNothingFromTextThatSpellsNoCommand() {
        for (String text : List.of("", "set x 1", "SET x", "SET x 1 2", "GET", "GET x y", "SET  x 1", "SET x 1 ",
                "CAS x 1", "FLUSHALL x")) {
            assertThat(Command.parse(text)).as("'%s'", text).isNull();
        }
    }
}
