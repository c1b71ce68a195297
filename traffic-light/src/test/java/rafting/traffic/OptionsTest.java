package rafting.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part2")
class OptionsTest {

    @Test
    void everyOptionOverridesItsDefault() {
        Options options = Options.parse(Options.DEFAULT, "--port", "9000", "--ew-light", "10.0.0.7:9001",
                "--ns-light", "9002", "--speed", "2.5", "--ew-green", "3", "--ns-green", "4", "--yellow", "1",
                "--min-green", "2");

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.ewLight().getHostString()).isEqualTo("10.0.0.7");
        assertThat(options.ewLight().getPort()).isEqualTo(9001);
        assertThat(options.nsLight()).isEqualTo(Options.local(9002));
        assertThat(options.speed()).isEqualTo(2.5);
        assertThat(options.timings()).isEqualTo(Timings.of(3, 4, 1, 2));
    }

    record Bad(String[] args, String message) {
        Bad(String message, String... args) {
            this(args, message);
        }

        @Override
        public String toString() {
            return String.join(" ", args) + " -> " + message;
        }
    }

    static Stream<Bad> badArguments() {
        return Stream.of(
                new Bad("unknown option: --colour", "--colour", "red"),
                new Bad("--port needs a value", "--port"),
                new Bad("--port needs a whole number, not 'ten'", "--port", "ten"),
                new Bad("--port must be between 0 and 65535", "--port", "70000"),
                new Bad("--speed must be above 0", "--speed", "-1"),
                new Bad("--ew-light needs a port between 1 and 65535", "--ew-light", "localhost:0"),
                new Bad("greens and yellow last at least one second", "--yellow", "0"),
                new Bad("the minimum green must be between 0 and each green", "--ew-green", "10"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void aBadArgumentGetsAPreciseMessage(Bad bad) {
        assertThatThrownBy(() -> Options.parse(Options.DEFAULT, bad.args()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.message());
    }
}
