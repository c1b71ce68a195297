package rafting.sim;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import rafting.election.Settings;
import rafting.election.Flaw;

/**
 * Everything a simulated run depends on. The seed alone picks the run: the nodes' settings
 * (entries per request, pre-vote, check-quorum), the fault mix when {@code mixName} is
 * {@code varied}, the scheduler's choices and the nodes' election timeouts.
 *
 * @param steps the number of events with faults; then, if {@code liveness}, the faults stop and
 *     the run checks that the cluster recovers
 * @param structuralChecks whether a broken safety property of the servers' state (Election
 *     Safety, Log Matching, ...) fails the run; without them only what the clients see does (their
 *     history is not linearizable, or the cluster does not recover)
 */
public record Scenario(long seed, int nodes, int steps, Set<Flaw> flaws, String mixName, boolean liveness,
        boolean structuralChecks, Settings settings, FaultMix mix, boolean everyday) {

    /** Ticks after the faults stop within which a leader must be elected and a new command committed. */
    public static final int LIVENESS_BOUND_TICKS = 200;

    public Scenario {
        throw new UnsupportedOperationException("Part 6: write Scenario");
    }

    /** The run of {@code seed}: {@code mixName} is none, lossy, chaos, or varied (a mix drawn from the seed). */
    public static Scenario of(long seed, int nodes, int steps, Set<Flaw> flaws, String mixName) {
        throw new UnsupportedOperationException("Part 6: write Scenario.of");
    }

    /** A cluster configured by {@code settings} with no scheduler of its own: for runs written event by event. */
    public static Scenario scripted(int nodes, Settings settings) {
        throw new UnsupportedOperationException("Part 6: write Scenario.scripted");
    }

    /**
     * Part 11 (Project 11): how often the run's nodes take snapshots, drawn from the seed with a
     * generator of its own ({@code new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L)}, so that the
     * other draws stay what they were): one run in three {@code Settings.Snapshots.OFF}, the
     * others every 3, 8 or 25 entries in chunks of 16, 64 or 4096 bytes. {@link #of} sets it.
     */
    static Settings.Snapshots snapshots(long seed) {
        throw new UnsupportedOperationException("Part 11: write Scenario.snapshots");
    }

    /** Part 11: the same run with {@code Settings.Snapshots.OFF}. */
    public Scenario withoutSnapshots() {
        throw new UnsupportedOperationException("Part 11: write Scenario.withoutSnapshots");
    }

    /** The same run without the recovery check at the end. */
    public Scenario withoutLiveness() {
        throw new UnsupportedOperationException("Part 6: write Scenario.withoutLiveness");
    }

    /** The same run failing only on what the clients see: how long would a flaw go unnoticed by them? */
    public Scenario withoutStructuralChecks() {
        throw new UnsupportedOperationException("Part 6: write Scenario.withoutStructuralChecks");
    }

    /**
     * Part 12: the same run with the everyday commands too ({@code everyday}): the clients also send
     * PSETEX and PTTL on key t, INCRBY, DECR and DECRBY on key n, MSET, MSETNX and MGET on x, y, z;
     * the replay command gets {@code --everyday} and the story's first line
     * {@code , the everyday commands too}.
     */
    public Scenario withEverydayCommands() {
        throw new UnsupportedOperationException("Part 12: write Scenario.withEverydayCommands");
    }

    /**
     * The command that replays this run with its whole trace, from the repository's root.
     *
     * {@code project09-simulation/sim replay --seed N --nodes N --steps N}, then {@code --flaw NAME} for
     * each flaw, {@code --mix NAME} unless the mix is {@code varied}, and {@code --client-view} when only
     * the clients' view is checked.
     */
    public String replayCommand() {
        throw new UnsupportedOperationException("Part 6: write Scenario.replayCommand");
    }

    /** {@code seed 7, 3 nodes, 2000 steps, batch 1, pre-vote on, check-quorum off, flaws [..], mix drop=...}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write Scenario.toString");
    }
}
