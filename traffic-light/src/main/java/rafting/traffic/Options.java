package rafting.traffic;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import rafting.events.Logging;

/**
 * The settings shared by the controller and the demo, read from command-line arguments.
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

    static final String USAGE = """
            options:
              --port N            UDP port for button presses (controller)
              --ew-light H:P      where the East-West light listens
              --ns-light H:P      where the North-South light listens
              --speed X           controller seconds per real second (default 1; 10 is ten times faster)
              --ew-green S        East-West green, seconds (default 30)
              --ns-green S        North-South green, seconds (default 60)
              --yellow S          yellow, seconds (default 5)
              --min-green S       green time before a button press takes effect (default 15)""";

    public Options {
        if (!(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("--speed must be above 0 and at most 1000: " + speed);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
    }

    /** How long one controller second lasts in real time. */
    public Duration second() {
        return Duration.ofNanos(Math.round(1e9 / speed));
    }

    public InetSocketAddress light(Direction direction) {
        return direction == Direction.EW ? ewLight : nsLight;
    }

    public Options withLights(InetSocketAddress ew, InetSocketAddress ns) {
        return new Options(port, ew, ns, timings, speed);
    }

    /** Reads {@code --name value} pairs over {@code defaults}; anything else is a clear error. */
    public static Options parse(Options defaults, String... args) {
        int port = defaults.port;
        InetSocketAddress ew = defaults.ewLight;
        InetSocketAddress ns = defaults.nsLight;
        int ewGreen = defaults.timings.ewGreen();
        int nsGreen = defaults.timings.nsGreen();
        int yellow = defaults.timings.yellow();
        int minGreen = defaults.timings.minGreen();
        double speed = defaults.speed;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--port" -> port = number(name, value);
                case "--ew-light" -> ew = address(name, value);
                case "--ns-light" -> ns = address(name, value);
                case "--speed" -> speed = decimal(name, value);
                case "--ew-green" -> ewGreen = number(name, value);
                case "--ns-green" -> nsGreen = number(name, value);
                case "--yellow" -> yellow = number(name, value);
                case "--min-green" -> minGreen = number(name, value);
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        return new Options(port, ew, ns, Timings.of(ewGreen, nsGreen, yellow, minGreen), speed);
    }

    /** An address as {@code host:port}, the way the options take it. */
    static String show(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** {@code host:port}, or just {@code port} for this machine. */
    static InetSocketAddress address(String name, String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        int port = number(name, value.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " needs a port between 1 and 65535: " + value);
        }
        return new InetSocketAddress(host, port);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
    }

    /** Runs a program's main body, turning a bad argument into one line on stderr and exit status 2. */
    static void runMain(String usage, String[] args, MainBody body) throws Exception {
        Logging.useOneLinePerRecord();
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(usage);
            return;
        }
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
        } catch (BindException e) {
            System.err.println("error: " + e.getMessage() + ": is another copy running? Choose other ports (--help)");
            System.exit(1);
        }
    }

    @FunctionalInterface
    interface MainBody {
        void run() throws Exception;
    }
}
