package rafting.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rafting.election.Flaw;

/**
 * The simulator's command line: search for a flaw, check the healthy core over many seeds, or
 * replay one seed.
 *
 * <pre>
 * sim search [--flaw NAME|all] [--seeds N] [--from SEED] [--steps N] [--nodes N] [--mix none|lossy|chaos|varied] [--client-view]
 * sim replay --seed SEED [--flaw NAME] [--steps N] [--nodes N] [--mix ...] [--client-view] [--shrink]
 * sim mutations [--flaw NAME] [--explore-seconds S]   (the mutation table; given whole in the reference)
 * </pre>
 */
public final class Main {

    static final String USAGE = """
            usage:
              sim search [--flaw NAME|all] [--seeds N] [--from SEED] [--steps N] [--nodes N] [--mix MIX] [--client-view]
                  Without --flaw, checks the healthy core: every seed must pass.
                  With --flaw, searches for a run that breaks an invariant, shrinks it and tells it.
              sim replay --seed SEED [--flaw NAME] [--steps N] [--nodes N] [--mix MIX] [--client-view] [--shrink]
                  Replays one seed with its whole trace (or, with --shrink, its shrunk story).
            --client-view: a run fails only on what its clients see (their history is not linearizable,
                  the cluster does not recover), not on the servers' broken invariants.
            defaults: --seeds 1000 --from 1 --steps 2000 --nodes 3 --mix varied (a mix drawn from each seed)
            mixes: none, lossy, chaos, varied
            flaws:""" + " " + EnumSet.allOf(Flaw.class);

    Main(PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("Part 10: write Main");
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 10: write Main.main");
    }

    /** Runs the command; returns the exit status: 0 done (a flaw found, or every seed passed), 1 not, 2 bad usage. */
    int run(String[] args) {
        throw new UnsupportedOperationException("Part 10: write Main.run");
    }

}
