package rafting.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rafting.election.Flaw;
import rafting.sim.timeline.TimelinePage;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceFiles;

/**
 * The simulator's command line: search for a flaw, check the healthy core over many seeds, or
 * replay one seed.
 *
 * <pre>
 * sim search [--flaw NAME|all] [--seeds N] [--from SEED] [--steps N] [--nodes N] [--mix none|lossy|chaos|varied] [--client-view] [--html FILE]
 * sim replay --seed SEED [--flaw NAME] [--steps N] [--nodes N] [--mix ...] [--client-view] [--everyday] [--shrink] [--html FILE]
 * sim mutations [--flaw NAME] [--explore-seconds S]
 * </pre>
 */
public final class Main {

    static final String USAGE = """
            usage:
              sim search [--flaw NAME|all] [--seeds N] [--from SEED] [--steps N] [--nodes N] [--mix MIX] [--client-view] [--html FILE]
                  Without --flaw, checks the healthy core: every seed must pass.
                  With --flaw, searches for a run that breaks an invariant, shrinks it and tells it.
              sim replay --seed SEED [--flaw NAME] [--steps N] [--nodes N] [--mix MIX] [--client-view] [--everyday] [--shrink] [--html FILE]
                  Replays one seed with its whole trace (or, with --shrink, its shrunk story).
              sim timeline PATH --html FILE
                  Draws the trace PATH (a JSON-lines file, or a folder of them, merged) as a timeline page.
              sim mutations [--flaw NAME] [--explore-seconds S]
                  For every flaw (or one), which checker finds it and how fast, as one Markdown table: the search,
                  the search with --client-view, the explorer over a ladder of bounds (S seconds a flaw, 150 by
                  default; a third of that for one step), and the TLA+ model that the tla tests run for it.
            --html FILE: also writes the story's timeline page (one HTML file, open it in a browser).
            --trace FILE: also writes the story's trace (JSON lines, see project 9's README).
            --client-view: a run fails only on what its clients see (their history is not linearizable,
                  the cluster does not recover), not on the servers' broken invariants.
            --everyday: the clients also send PSETEX and PTTL (values that expire by the log's time),
                  INCRBY, DECR, DECRBY, MGET, MSET and MSETNX.
            defaults: --seeds 1000 --from 1 --steps 2000 --nodes 3 --mix varied (a mix drawn from each seed)
            mixes: none, lossy, chaos, varied
            flaws:""" + " " + EnumSet.allOf(Flaw.class);

    /** The nodes log every role change; a simulation makes thousands a second. Held here so the setting stays. */
    private static final Logger CORE_LOGS = Logger.getLogger("rafting");

    private final PrintStream out;
    private final PrintStream err;
    /** Where {@code --html} writes the page, or null. */
    private String html;
    /** Where {@code --trace} writes the trace, or null. */
    private String traceFile;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.settings.file") == null) {
            CORE_LOGS.setLevel(Level.SEVERE);
        }
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Runs the command; returns the exit status: 0 done (a flaw found, or every seed passed), 1 not, 2 bad usage. */
    int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("name a command: search or replay");
            }
            var options = new Args(args);
            return switch (args[0]) {
                case "search" -> search(options);
                case "replay" -> replay(options);
                case "timeline" -> timeline(args);
                case "mutations" -> mutations(options);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (UncheckedIOException e) {
            err.println("sim: " + e.getMessage());
            return 1;
        }
    }

    private int search(Args args) {
        args.allow("--flaw", "--seeds", "--from", "--steps", "--nodes", "--mix", "--client-view", "--html", "--trace");
        html = args.value("--html", null);
        traceFile = args.value("--trace", null);
        var base = FlawSearch.Options.of(Set.of())
                .withSeeds(args.number("--from", 1), (int) args.number("--seeds", 1000))
                .withSteps((int) args.number("--steps", 2000))
                .withNodes((int) args.number("--nodes", 3))
                .withMix(args.mix());
        if (args.has("--client-view")) {
            base = base.withClientView();
        }
        String flaw = args.value("--flaw", null);
        if (flaw == null) {
            return healthy(base);
        }
        if (flaw.equals("all") && html != null) {
            throw new IllegalArgumentException("--html takes one story: name one flaw, not all");
        }
        if (!flaw.equals("all")) {
            return searchFlaw(base, Args.flaw(flaw), true) != null ? 0 : 1;
        }
        var table = new ArrayList<String>();
        boolean allFound = true;
        for (Flaw each : Flaw.values()) {
            String row = searchFlaw(base, each, false);
            allFound &= row != null;
            table.add(row != null ? row : "| `" + each + "` | " + base.seeds() + ", not found | | | |");
        }
        out.println();
        out.println("| flaw | seeds run | search time | invariant broken | events: found, shrunk |");
        out.println("|---|---|---|---|---|");
        table.forEach(out::println);
        return allFound ? 0 : 1;
    }

    /** {@code sim mutations}: the mutation table. */
    private int mutations(Args args) {
        args.allow("--flaw", "--explore-seconds");
        String flaw = args.value("--flaw", null);
        List<Flaw> flaws = flaw == null ? List.of(Flaw.values()) : List.of(Args.flaw(flaw));
        long seconds = args.number("--explore-seconds", 150);
        if (seconds < 3) {
            throw new IllegalArgumentException("--explore-seconds takes at least 3, got " + seconds);
        }
        new Mutations(out, err::println, java.time.Duration.ofSeconds(seconds / 3), java.time.Duration.ofSeconds(seconds)).run(flaws);
        return 0;
    }

    private int healthy(FlawSearch.Options options) {
        out.println("checking the healthy core on seeds " + options.firstSeed() + ".." + (options.firstSeed() + options.seeds() - 1)
                + " (" + options.nodes() + " nodes, " + options.steps() + " steps each, mix " + options.mix() + ")");
        FlawSearch.Result result = FlawSearch.run(options, err::println);
        if (result.failure() == null) {
            out.printf(Locale.ROOT, "all %d seeds passed: %d events in %.1f s (%.0f events/s)%n",
                    result.seedsRun(), result.events(), result.seconds(), result.eventsPerSecond());
            out.printf(Locale.ROOT, "every client history was linearizable, except %d too hard for the checker to decide%n",
                    result.historiesUndecided());
            return 0;
        }
        out.println("FAILED: " + result.failure());
        tell(Shrinker.shrink(result.failure()));
        return 1;
    }

    /** Searches for one flaw; returns its row of the summary table, or null when no seed found it. */
    private String searchFlaw(FlawSearch.Options base, Flaw flaw, boolean story) {
        var options = base.withFlaws(Set.of(flaw));
        out.println("searching for a run that " + flaw + " breaks, seeds " + options.firstSeed() + ".."
                + (options.firstSeed() + options.seeds() - 1));
        FlawSearch.Result result = FlawSearch.run(options, err::println);
        if (result.failure() == null) {
            out.printf(Locale.ROOT, "not found in %d seeds (%.1f s)%n", result.seedsRun(), result.seconds());
            return null;
        }
        Run failure = result.failure();
        out.println("expected: " + flaw + " was switched on on purpose; the run below shows the search caught it");
        out.printf(Locale.ROOT, "found after %d seeds, %d events, %.2f s: %s%n", result.seedsRun(), result.events(),
                result.seconds(), failure);
        long start = System.nanoTime();
        Shrinker.Shrunk shrunk = Shrinker.shortestOf(result);
        double shrinkSeconds = (System.nanoTime() - start) / 1e9;
        if (story) {
            tell(shrunk);
        } else {
            out.printf(Locale.ROOT, "shrunk from %d to %d events in %.2f s%n", shrunk.originalEvents(),
                    shrunk.run().events().size(), shrinkSeconds);
        }
        long storySeed = shrunk.run().scenario().seed();
        return String.format(Locale.ROOT, "| `%s` | %d (seed %d) | %.2f s | %s | %d, %d%s |", flaw, result.seedsRun(),
                failure.scenario().seed(), result.seconds(), failure.violation().invariant(), failure.events().size(),
                shrunk.run().events().size(), storySeed == failure.scenario().seed() ? "" : " (seed " + storySeed + ")");
    }

    private void tell(Shrinker.Shrunk shrunk) {
        Run run = shrunk.run();
        out.println("shrunk from " + shrunk.originalEvents() + " to " + run.events().size() + " events ("
                + shrunk.replays() + " replays):");
        out.print(Story.of(run.scenario(), run.events()));
        out.println("replay the whole run: " + run.scenario().replayCommand());
        page(run);
    }

    /** Says, before a story, that a violation of a flaw switched on by hand is what the run is for. */
    private void expected(Set<Flaw> flaws, Run run) {
        if (!flaws.isEmpty() && run.failed()) {
            out.println("expected: " + flaws.iterator().next() + " was switched on on purpose; the story below shows"
                    + " the simulator caught it");
        }
    }

    private int replay(Args args) {
        args.allow("--seed", "--flaw", "--steps", "--nodes", "--mix", "--client-view", "--everyday", "--shrink", "--html", "--trace");
        html = args.value("--html", null);
        traceFile = args.value("--trace", null);
        if (args.value("--seed", null) == null) {
            throw new IllegalArgumentException("replay needs --seed");
        }
        Set<Flaw> flaws = args.value("--flaw", null) == null ? Set.of() : Set.of(Args.flaw(args.value("--flaw", null)));
        var scenario = Scenario.of(args.number("--seed", 0), (int) args.number("--nodes", 3),
                (int) args.number("--steps", 2000), flaws, args.mix());
        if (args.has("--client-view")) {
            scenario = scenario.withoutStructuralChecks();
        }
        if (args.has("--everyday")) {
            scenario = scenario.withEverydayCommands();
        }
        Run run = Simulator.run(scenario);
        if (args.has("--shrink")) {
            if (!run.failed()) {
                out.println(run);
                out.println("nothing to shrink: every invariant held");
                return 0;
            }
            expected(flaws, run);
            tell(Shrinker.shrink(run));
            return 0;
        }
        expected(flaws, run);
        out.print(Story.of(scenario, run.events()));
        page(run);
        return 0;
    }

    /** With {@code --html FILE} or {@code --trace FILE}: writes the timeline page or the trace of the run told, and says where. */
    private void page(Run run) {
        if (html == null && traceFile == null) {
            return;
        }
        List<TraceEvent> trace = Tracer.of(run.scenario(), run.events());
        if (traceFile != null) {
            Path file = Path.of(traceFile);
            try {
                TraceFiles.write(file, trace);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            out.println("trace: " + file.toAbsolutePath());
        }
        if (html != null) {
            writePage(Path.of(html), run.scenario() + (run.failed() ? ": " + run.violation() : ""), trace);
        }
    }

    private void writePage(Path file, String title, List<TraceEvent> trace) {
        try {
            Files.writeString(file, TimelinePage.of(title, trace), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        out.println("timeline page: " + file.toAbsolutePath());
    }

    /** {@code sim timeline PATH --html FILE}: the page of a trace file, or of a folder of them merged. */
    private int timeline(String[] words) {
        if (words.length < 2 || words[1].startsWith("--")) {
            throw new IllegalArgumentException("timeline needs a trace file or folder");
        }
        Path path = Path.of(words[1]);
        var rest = new Args(Arrays.copyOfRange(words, 1, words.length));
        rest.allow("--html");
        String page = rest.value("--html", null);
        if (page == null) {
            throw new IllegalArgumentException("timeline needs --html FILE");
        }
        List<TraceEvent> trace;
        try {
            trace = TraceFiles.merge(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        writePage(Path.of(page), path.getFileName() + ": " + trace.size() + " events", trace);
        return 0;
    }

    /** {@code --name value} pairs, and flags without a value. */
    private static final class Args {
        /** The options that take no value. */
        private static final List<String> FLAGS = List.of("--shrink", "--client-view", "--everyday");

        private final List<String> words;

        Args(String[] args) {
            this.words = List.of(args).subList(1, args.length);
        }

        void allow(String... names) {
            var known = List.of(names);
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!known.contains(word)) {
                    throw new IllegalArgumentException("unknown option '" + word + "'");
                }
                if (!FLAGS.contains(word)) {
                    if (i + 1 >= words.size()) {
                        throw new IllegalArgumentException(word + " needs a value");
                    }
                    i++;
                }
            }
        }

        boolean has(String name) {
            return words.contains(name);
        }

        String value(String name, String otherwise) {
            int at = words.indexOf(name);
            return at < 0 ? otherwise : words.get(at + 1);
        }

        long number(String name, long otherwise) {
            String text = value(name, null);
            if (text == null) {
                return otherwise;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a whole number, got '" + text + "'");
            }
        }

        String mix() {
            String mix = value("--mix", "varied");
            if (!mix.equals("varied")) {
                FaultMix.named(mix); // fails now, with the names it knows
            }
            return mix;
        }

        static Flaw flaw(String name) {
            try {
                return Flaw.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no flaw named '" + name + "'; the flaws are " + EnumSet.allOf(Flaw.class));
            }
        }
    }
}
