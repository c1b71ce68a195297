package rafting.sim.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import rafting.election.Settings;
import rafting.election.Flaw;
import rafting.sim.explore.Machine.Observed;
import rafting.sim.explore.raft.Bounds;
import rafting.sim.explore.raft.ClusterState;
import rafting.sim.explore.raft.ExplorationTimeline;
import rafting.sim.explore.raft.RaftExploration;
import rafting.sim.explore.traffic.TrafficLightExploration;
import rafting.sim.explore.traffic.TrafficLightExploration.Waiting;
import rafting.sim.explore.traffic.TrafficTimeline;
import rafting.sim.timeline.TimelinePage;
import rafting.traffic.Controller;
import rafting.traffic.Event;
import rafting.traffic.State;
import rafting.traffic.Timings;

/**
 * Project 9 from the command line: explores every state of the traffic light, or of a small Raft
 * cluster within bounds, and prints what it found, the counts and the speed.
 *
 * <pre>
 * java -cp ... rafting.sim.explore.ExploreCommand traffic [--ew-green 30] [--ns-green 60] [--yellow 5] [--min-green 15]
 *                                               [--html FILE]
 * java -cp ... rafting.sim.explore.ExploreCommand raft [--max-term 2] [--proposals 1] [--crashes 1] [--in-flight 2]
 *                                               [--drops] [--duplicates 0] [--flaw NAME] [--no-symmetry] [--max-states N]
 *                                               [--seconds S] [--html FILE]
 * </pre>
 */
public final class ExploreCommand {

    private static final String USAGE = """
            usage: ExploreCommand traffic [--ew-green S] [--ns-green S] [--yellow S] [--min-green S] [--html FILE]
                   ExploreCommand raft [--max-term T] [--proposals P] [--crashes C] [--in-flight M] [--drops]
                                [--duplicates D] [--flaw NAME] [--no-symmetry] [--max-states N] [--seconds S] [--html FILE]
            traffic: every state of the traffic-light controller (default timings 30, 60, 5, 15); with --html,
                     the page of the shortest wait without end of the controller broken on purpose
            raft:    every state of 3 real RaftNodes within the bounds (default: %s)
            flaws:   %s""".formatted(Bounds.small(), Arrays.toString(Flaw.values()));

    /** Kept, so that the level set on it stays: the nodes log every role change, millions of them here. */
    private static final Logger CORE_LOGS = Logger.getLogger("rafting.election");

    private ExploreCommand() {
    }

    public static void main(String[] args) {
        CORE_LOGS.setLevel(Level.OFF);
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("say what to explore: traffic or raft");
            }
            List<String> options = new ArrayList<>(List.of(args).subList(1, args.length));
            switch (args[0]) {
                case "traffic" -> traffic(options);
                case "raft" -> raft(options);
                default -> throw new IllegalArgumentException("nothing called " + args[0] + " to explore: traffic or raft");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static void traffic(List<String> options) {
        Timings d = Timings.DEFAULT;
        Timings timings = Timings.of(intOption(options, "--ew-green", d.ewGreen()), intOption(options, "--ns-green", d.nsGreen()),
                intOption(options, "--yellow", d.yellow()), intOption(options, "--min-green", d.minGreen()));
        String html = stringOption(options, "--html", null);
        refuseOthers(options);
        Machine<State, Event> machine = TrafficLightExploration.machine(Controller.of(timings));
        int bound = TrafficLightExploration.responseBound(timings);
        System.out.println("traffic light, " + timings);
        long start = System.nanoTime();
        ExplorationResult<State, Event> states = TrafficLightExploration.explore(machine);
        report("states, never two directions not red, no deadlock", states, start);
        fired(states, states.neverFired(TrafficLightExploration.EVENT_KINDS));
        start = System.nanoTime();
        ExplorationResult<Observed<State, Waiting>, Event> served = TrafficLightExploration.exploreResponse(machine, bound);
        report("every press served within " + bound + " ticks", served, start);
        fired(served, served.neverFired(TrafficLightExploration.EVENT_KINDS));
        if (html != null) {
            brokenTrafficPage(Path.of(html), timings, bound);
        }
    }

    /** The page of the shortest counterexample of the controller that forgets a press ({@link TrafficLightExploration#forgetful}). */
    private static void brokenTrafficPage(Path file, Timings timings, int bound) {
        long start = System.nanoTime();
        var broken = TrafficLightExploration.exploreResponse(TrafficLightExploration.forgetful(Controller.of(timings)), bound);
        report("broken on purpose (a second press cancels the first), every press served within " + bound + " ticks", broken, start);
        Trace<Observed<State, Waiting>, Event> trace = broken.counterexample().orElseThrow(
                () -> new IllegalStateException("the controller broken on purpose broke no rule within these timings"));
        write(file, TimelinePage.of("traffic light broken on purpose, " + timings + ": " + trace.problem(), TrafficTimeline.of(trace)));
    }

    private static void raft(List<String> options) {
        Bounds d = Bounds.small();
        var bounds = new Bounds(d.nodes(), intOption(options, "--max-term", d.maxTerm()),
                intOption(options, "--proposals", d.maxProposals()), intOption(options, "--crashes", d.maxCrashes()),
                intOption(options, "--in-flight", d.maxInFlight()), flag(options, "--drops"),
                intOption(options, "--duplicates", d.maxDuplicates()));
        String flaw = stringOption(options, "--flaw", null);
        boolean symmetry = !flag(options, "--no-symmetry");
        long maxStates = longOption(options, "--max-states", Long.MAX_VALUE);
        long seconds = longOption(options, "--seconds", 0);
        String html = stringOption(options, "--html", null);
        refuseOthers(options);
        Settings settings = RaftExploration.exploredSettings();
        if (flaw != null) {
            settings = settings.withFlaws(parseFlaw(flaw));
        }
        System.out.println("raft: " + bounds + (flaw == null ? ", no flaw" : ", flaw " + flaw.toUpperCase(Locale.ROOT))
                + (symmetry ? "" : ", no symmetry"));
        long start = System.nanoTime();
        ExplorationResult<ClusterState, rafting.sim.Event> result = seconds > 0
                ? RaftExploration.explore(settings, bounds, symmetry, maxStates, java.time.Duration.ofSeconds(seconds))
                : RaftExploration.explore(settings, bounds, symmetry, maxStates);
        if (flaw != null && result.counterexample().isPresent()) {
            System.out.println("expected: flaw " + flaw.toUpperCase(Locale.ROOT)
                    + " was switched on on purpose; the VIOLATION and the story below show the explorer caught it");
        }
        report("states", result, start);
        fired(result, RaftExploration.neverFired(result, bounds));
        result.counterexample().ifPresent(trace -> {
            System.out.println(RaftExploration.story(trace));
            if (html != null) {
                page(Path.of(html), "explored: " + bounds + (flaw == null ? "" : ", flaw " + flaw.toUpperCase(Locale.ROOT)), trace);
            }
        });
    }

    /** Writes the counterexample's timeline page and says where. */
    private static void page(Path file, String title, Trace<ClusterState, rafting.sim.Event> trace) {
        write(file, TimelinePage.of(title + ": " + trace.problem(), ExplorationTimeline.of(trace)));
    }

    private static void write(Path file, String page) {
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
            System.out.println("timeline page: " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write " + file + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void report(String what, ExplorationResult<?, ?> result, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %s, %,d states, %,d transitions, depth %d, %.2f s, %,.0f states/s%n", what,
                result.verdict(), result.states(), result.transitions(), result.depth(), seconds, result.states() / seconds);
        if (result.trace() != null && !(result.trace().lastState() instanceof ClusterState)) {
            System.out.println(result.trace());
        }
    }

    /**
     * The transitions of each kind of event, and the kinds that the bounds allow but that never
     * fired: there the exploration checked nothing (a "sometimes" property failed).
     */
    private static void fired(ExplorationResult<?, ?> result, List<String> never) {
        System.out.println("fired: " + result.fired().entrySet().stream()
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", ")));
        if (!never.isEmpty()) {
            System.out.println("never fired, although the bounds allow it: " + never
                    + (result.noProblemFound() ? "" : " (the search stopped at the problem)"));
        }
    }

    private static Flaw parseFlaw(String name) {
        try {
            return Flaw.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no flaw called " + name + "; the flaws are " + Arrays.toString(Flaw.values()));
        }
    }

    private static boolean flag(List<String> options, String name) {
        return options.remove(name);
    }

    private static String stringOption(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= options.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = options.remove(at + 1);
        options.remove(at);
        return value;
    }

    private static int intOption(List<String> options, String name, int fallback) {
        return Math.toIntExact(longOption(options, name, fallback));
    }

    private static long longOption(List<String> options, String name, long fallback) {
        String value = stringOption(options, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + value);
        }
    }

    private static void refuseOthers(List<String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + options);
        }
    }
}
