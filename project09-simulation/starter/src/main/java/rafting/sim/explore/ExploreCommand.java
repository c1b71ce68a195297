package rafting.sim.explore;

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
import rafting.sim.explore.raft.RaftExploration;
import rafting.sim.explore.traffic.TrafficLightExploration;
import rafting.sim.explore.traffic.TrafficLightExploration.Waiting;
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
 * java -cp ... rafting.sim.explore.ExploreCommand raft [--max-term 2] [--proposals 1] [--crashes 1] [--in-flight 2]
 *                                               [--drops] [--flaw NAME] [--no-symmetry] [--max-states N]
 * </pre>
 */
public final class ExploreCommand {

    private ExploreCommand() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 4: write ExploreCommand.main");
    }

}
