package rafting.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The controller, lights and buttons over real UDP on loopback, on ephemeral ports. Bounded: every
 * wait has a deadline, and everything is closed, also when an assertion fails.
 */
@Tag("part3")
class UdpTest {

    private static final long DEADLINE_SECONDS = 10;

    private static Color nextColor(BlockingQueue<Color> colors) throws InterruptedException {
        Color color = colors.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(color).as("a color within %d s", DEADLINE_SECONDS).isNotNull();
        return color;
    }

    @Test
    void buttonsTurnTheLightsAndBadDatagramsAreIgnored() throws Exception {
        BlockingQueue<Color> ewColors = new LinkedBlockingQueue<>();
        BlockingQueue<Color> nsColors = new LinkedBlockingQueue<>();
        // Greens that never run out during the test, a press that acts at once, a yellow of 10 ms.
        Timings timings = Timings.of(100_000, 100_000, 1, 0);
        try (LightDevice ew = LightDevice.open("EW", 0, ewColors::add);
                LightDevice ns = LightDevice.open("NS", 0, nsColors::add)) {
            Options options = new Options(0, Options.local(ew.port()), Options.local(ns.port()), timings, 100);
            try (ControllerServer server = ControllerServer.start(options, state -> { });
                    ButtonDevice nsButton = ButtonDevice.open(Direction.NS, Options.local(server.port()));
                    ButtonDevice ewButton = ButtonDevice.open(Direction.EW, Options.local(server.port()));
                    DatagramSocket junk = new DatagramSocket()) {
                assertThat(nextColor(ewColors)).isEqualTo(Color.GREEN);
                assertThat(nextColor(nsColors)).isEqualTo(Color.RED);

                Datagrams.send(junk, "hello", Options.local(server.port()));
                Datagrams.send(junk, "", Options.local(server.port()));
                Datagrams.send(junk, "Z", Options.local(ew.port()));
                nsButton.press();

                assertThat(nextColor(ewColors)).isEqualTo(Color.YELLOW);
                assertThat(nextColor(ewColors)).isEqualTo(Color.RED);
                assertThat(nextColor(nsColors)).isEqualTo(Color.GREEN);

                ewButton.press();

                assertThat(nextColor(nsColors)).isEqualTo(Color.YELLOW);
                assertThat(nextColor(nsColors)).isEqualTo(Color.RED);
                assertThat(nextColor(ewColors)).isEqualTo(Color.GREEN);
                assertThat(server.state().phase()).isEqualTo(Phase.EW_GREEN);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && (t.getName().equals("traffic-controller") || t.getName().startsWith("light-")
                        || t.getName().equals("controller-buttons")));
    }

    @Test
    void aLightShowsValidColorsAndIgnoresAnythingElse() throws Exception {
        BlockingQueue<Color> colors = new LinkedBlockingQueue<>();
        try (LightDevice light = LightDevice.open("EW", 0, colors::add);
                DatagramSocket sender = new DatagramSocket()) {
            InetSocketAddress to = Options.local(light.port());
            for (String message : new String[] {"green", "G G", "\u0000", "Y\n", "R", "R", "x", "G"}) {
                Datagrams.send(sender, message, to);
            }

            assertThat(nextColor(colors)).isEqualTo(Color.YELLOW);
            assertThat(nextColor(colors)).isEqualTo(Color.RED);
            assertThat(nextColor(colors)).as("a repeated color is no change").isEqualTo(Color.GREEN);
            assertThat(light.color()).isEqualTo(Color.GREEN);
        }
    }

    @Test
    void aWarningShowsTheDatagramQuotedAndCutShort() {
        assertThat(Datagrams.quote("NS\n")).isEqualTo("'NS\\x0a'");
        assertThat(Datagrams.quote("x".repeat(50))).isEqualTo("'" + "x".repeat(40) + "...'");
    }

    @Test
    void aControllerSecondLastsOneSecondDividedByTheSpeed() {
        Options fast = Options.parse(Options.DEFAULT, "--speed", "10", "--min-green", "5");

        assertThat(fast.second()).isEqualTo(Duration.ofMillis(100));
        assertThat(fast.timings()).isEqualTo(Timings.of(30, 60, 5, 5));
        assertThat(fast.port()).isEqualTo(10000);
    }
}
