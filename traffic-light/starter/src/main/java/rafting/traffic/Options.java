package rafting.traffic;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Part 2: the settings shared by the controller and the demo, read from command-line arguments.
 * The constants, the compact constructor and {@link #local} are given (the defaults need them):
 * a speed outside (0, 1000] is refused with {@code --speed must be above 0 and at most 1000: X},
 * a port outside 0..65535 with {@code --port must be between 0 and 65535: N}.
 *
 * @param port    the UDP port where the controller listens for button presses
 * @param ewLight where the East-West light device listens
 * @param nsLight where the North-South light device listens
 * @param timings the controller's durations, in seconds of controller time
 * @param speed   how many controller seconds pass per real second (10 runs the lights ten times faster)
 */
public record Options(int port, InetSocketAddress ewLight, InetSocketAddress nsLight, Timings timings, double speed) {

    public static final int CONTROLLER_PORT = 10000;
    public static final int EW_LIGHT_PORT = 10001;
    public static final int NS_LIGHT_PORT = 10002;

    /** The workshop's layout: controller on 10000, lights on 10001 (EW) and 10002 (NS), all on this machine. */
    public static final Options DEFAULT = new Options(CONTROLLER_PORT, local(EW_LIGHT_PORT), local(NS_LIGHT_PORT),
            Timings.DEFAULT, 1);

    public Options {
        if (!(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("--speed must be above 0 and at most 1000: " + speed);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
    }

    /** How long one controller second lasts in real time: one second divided by the speed (speed 10: 100 ms). */
    public Duration second() {
        throw new UnsupportedOperationException("Part 2: one second divided by the speed");
    }

    /** Where the light of {@code direction} listens. */
    public InetSocketAddress light(Direction direction) {
        throw new UnsupportedOperationException("Part 2: the light's address");
    }

    /** These options with other light addresses. */
    public Options withLights(InetSocketAddress ew, InetSocketAddress ns) {
        throw new UnsupportedOperationException("Part 2: a copy with other lights");
    }

    /**
     * Reads {@code --name value} pairs over {@code defaults}: {@code --port N}, {@code --ew-light
     * H:P}, {@code --ns-light H:P} (or just {@code P} for 127.0.0.1), {@code --speed X},
     * {@code --ew-green S}, {@code --ns-green S}, {@code --yellow S}, {@code --min-green S}.
     * Anything else is an {@link IllegalArgumentException} whose message contains, as the case
     * may be: {@code unknown option: --colour}; {@code --port needs a value};
     * {@code --port needs a whole number, not 'ten'}; {@code --speed needs a number, not 'x'};
     * {@code --port must be between 0 and 65535}; {@code --speed must be above 0};
     * {@code --ew-light needs a port between 1 and 65535}; and the messages of {@link Timings}.
     */
    public static Options parse(Options defaults, String... args) {
        throw new UnsupportedOperationException("Part 2: read the options over the defaults");
    }

    /** Given: {@code port} on 127.0.0.1. */
    static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** A program's main body, for a helper of your own that turns a bad argument into one line on stderr and exit status 2. */
    @FunctionalInterface
    interface MainBody {
        void run() throws Exception;
    }
}
