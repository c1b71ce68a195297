package rafting.sim;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import rafting.election.Settings;
import rafting.election.Flaw;

/**
 * Everything a simulated run depends on. The seed alone picks the run: the nodes' settings
 * (entries per request, pre-vote, check-quorum, how often snapshots are taken), the fault mix when {@code mixName} is
 * {@code varied}, the scheduler's choices and the nodes' election timeouts.
 *
 * @param steps the number of events with faults; then, if {@code liveness}, the faults stop and
 *     the run checks that the cluster recovers
 * @param structuralChecks whether a broken safety property of the servers' state (Election
 *     Safety, Log Matching, ...) fails the run; without them only what the clients see does (their
 *     history is not linearizable, or the cluster does not recover)
 * @param everyday whether the clients also send the everyday commands of issue 19 that the
 *     default mix leaves out ({@link Workload}): values that expire, counters, commands of several
 *     keys; the leader then stamps each entry with its time, which every replica expires keys by
 */
public record Scenario(long seed, int nodes, int steps, Set<Flaw> flaws, String mixName, boolean liveness,
        boolean structuralChecks, Settings settings, FaultMix mix, boolean everyday) {

    /** Ticks after the faults stop within which a leader must be elected and a new command committed. */
    public static final int LIVENESS_BOUND_TICKS = 200;

    public Scenario {
        if (nodes < 1 || nodes > Links.MAX_NODES) {
            throw new IllegalArgumentException("a simulated cluster has 1 to " + Links.MAX_NODES + " nodes, got " + nodes);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps is at least 0, got " + steps);
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    /** The run of {@code seed}: {@code mixName} is none, lossy, chaos, or varied (a mix drawn from the seed). */
    public static Scenario of(long seed, int nodes, int steps, Set<Flaw> flaws, String mixName) {
        var random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] batches = {1, 2, 64};
        Settings settings = Settings.defaults()
                .withMaxBatch(batches[random.nextInt(batches.length)])
                .withPreVote(random.nextBoolean())
                .withCheckQuorum(random.nextBoolean())
                .withSnapshots(snapshots(seed))
                .withFlaws(flaws.toArray(Flaw[]::new));
        FaultMix mix = mixName.equals("varied") ? FaultMix.random(random) : FaultMix.named(mixName);
        return new Scenario(seed, nodes, steps, flaws, mixName, true, true, settings, mix, false);
    }

    /**
     * How often the run's nodes take snapshots, drawn from the seed apart from the rest (so the
     * other draws are what they were before snapshots came): in two runs out of three, every 3, 8
     * or 25 entries, sent in chunks of 16, 64 or 4096 bytes, so that compaction, chunked transfers
     * and installs on lagging and restarted nodes happen all the time.
     */
    static Settings.Snapshots snapshots(long seed) {
        var random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        if (random.nextInt(3) == 0) {
            return Settings.Snapshots.OFF;
        }
        int[] entries = {3, 8, 25};
        int[] chunks = {16, 64, 4096};
        return new Settings.Snapshots(entries[random.nextInt(entries.length)], 0, chunks[random.nextInt(chunks.length)]);
    }

    /** A cluster configured by {@code settings} with no scheduler of its own: for runs written event by event. */
    public static Scenario scripted(int nodes, Settings settings) {
        return new Scenario(1, nodes, 0, settings.flaws(), "none", false, true, settings, FaultMix.none(), false);
    }

    /** The same run with snapshots off: every log whole from index 1, as the explorer keeps them. */
    public Scenario withoutSnapshots() {
        return new Scenario(seed, nodes, steps, flaws, mixName, liveness, structuralChecks,
                settings.withSnapshots(Settings.Snapshots.OFF), mix, everyday);
    }

    /** The same run without the recovery check at the end. */
    public Scenario withoutLiveness() {
        return new Scenario(seed, nodes, steps, flaws, mixName, false, structuralChecks, settings, mix, everyday);
    }

    /** The same run failing only on what the clients see: how long would a flaw go unnoticed by them? */
    public Scenario withoutStructuralChecks() {
        return new Scenario(seed, nodes, steps, flaws, mixName, liveness, false, settings, mix, everyday);
    }

    /** The same run with the everyday commands too: expiry, counters, commands of several keys. */
    public Scenario withEverydayCommands() {
        return new Scenario(seed, nodes, steps, flaws, mixName, liveness, structuralChecks, settings, mix, true);
    }

    /** The command that replays this run with its whole trace, from the repository's root. */
    public String replayCommand() {
        var command = new StringJoiner(" ");
        command.add("project09-simulation/sim replay --seed " + seed + " --nodes " + nodes + " --steps " + steps);
        flaws.forEach(flaw -> command.add("--flaw " + flaw));
        if (!mixName.equals("varied")) {
            command.add("--mix " + mixName);
        }
        if (!structuralChecks) {
            command.add("--client-view");
        }
        if (everyday) {
            command.add("--everyday");
        }
        return command.toString();
    }

    /** {@code seed 7, 3 nodes, 2000 steps, batch 1, pre-vote on, check-quorum off, snapshots every 8 entries in chunks of 64, flaws [..], mix drop=...}. */
    @Override
    public String toString() {
        return "seed " + seed + ", " + nodes + " nodes, " + steps + " steps, batch " + settings.maxBatch()
                + ", pre-vote " + (settings.preVote() ? "on" : "off") + ", check-quorum " + (settings.checkQuorum() ? "on" : "off")
                + (settings.snapshots().entries() == 0 ? "" : ", snapshots every " + settings.snapshots().entries()
                        + " entries in chunks of " + settings.snapshots().chunkBytes())
                + (flaws.isEmpty() ? "" : ", flaws " + flaws) + ", mix " + mixName + " (" + mix + ")"
                + (structuralChecks ? "" : ", only the clients' view checked")
                + (everyday ? ", the everyday commands too" : "");
    }
}
