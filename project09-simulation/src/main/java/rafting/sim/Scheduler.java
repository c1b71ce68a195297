package rafting.sim;

import java.util.SplittableRandom;
import rafting.election.Role;
import rafting.replication.Message;

/**
 * Chooses the next event of a run from the scenario's seed and fault mix, looking at the
 * simulation only to choose among what can happen (running servers, messages in flight). The
 * same seed gives the same choices, so the same run.
 */
final class Scheduler {

    /** How long a delayed message may be held back, in events. */
    private static final int MAX_DELAY = 50;
    /** Messages in flight per server beyond which timers wait and the network catches up. */
    private static final int BACKLOG_PER_NODE = 8;

    private final SimCluster sim;
    private final FaultMix mix;
    private final int nodes;
    private final SplittableRandom random;
    private final Workload workload;

    Scheduler(SimCluster sim, Scenario scenario) {
        this.sim = sim;
        this.mix = scenario.mix();
        this.nodes = scenario.nodes();
        this.random = new SplittableRandom(scenario.seed());
        this.workload = new Workload(scenario.seed(), scenario.everyday());
    }

    Event next() {
        int up = countUp();
        if (up == 0) {
            return new Event.Restart(pick(false, 0));
        }
        if (random.nextDouble() < mix.crash()) {
            return new Event.Crash(pick(true, up));
        }
        if (up < nodes && random.nextDouble() < mix.restart()) {
            return new Event.Restart(pick(false, nodes - up));
        }
        if (random.nextDouble() < mix.partition()) {
            return new Event.Partition(sim.cut().isEmpty() || random.nextBoolean() ? randomCut() : Links.NONE);
        }
        if (random.nextDouble() < mix.propose()) {
            return new Event.Propose(proposeTo(up), workload.next(), flush());
        }
        if (random.nextDouble() < mix.writeback()) {
            return new Event.Writeback(pick(true, up));
        }
        int message = pickMessage();
        boolean timer = sim.flightCount() < BACKLOG_PER_NODE * nodes && random.nextDouble() < mix.timers();
        if (message < 0 || timer) {
            return new Event.Fire(pick(true, up), flush());
        }
        Message chosen = sim.flight(message).message;
        if (random.nextDouble() < mix.drop()) {
            return new Event.Drop(chosen);
        }
        if (random.nextDouble() < mix.duplicate()) {
            return new Event.Duplicate(chosen);
        }
        return new Event.Deliver(chosen, flush());
    }

    /** After an event: the {@code count} messages it put in flight, at the end of the list, may be held back. */
    void sent(long count) {
        if (mix.delay() == 0) {
            return;
        }
        for (int i = sim.flightCount() - (int) count; i < sim.flightCount(); i++) {
            if (random.nextDouble() < mix.delay()) {
                sim.flight(i).heldUntil = sim.step() + 1 + random.nextInt(MAX_DELAY);
            }
        }
    }

    /** The oldest message not held back, or with {@code reorder} a random one; -1 when none. */
    private int pickMessage() {
        int count = sim.flightCount();
        if (count == 0) {
            return -1;
        }
        int start = random.nextDouble() < mix.reorder() ? random.nextInt(count) : 0;
        for (int k = 0; k < count; k++) {
            int i = (start + k) % count;
            if (sim.flight(i).heldUntil <= sim.step()) {
                return i;
            }
        }
        return -1;
    }

    /** A client finds a leader most of the time; sometimes it asks any server, or a stale leader. */
    private int proposeTo(int up) {
        int leaders = 0;
        for (int id = 1; id <= nodes; id++) {
            if (sim.isUp(id) && sim.node(id).role() == Role.LEADER) {
                leaders++;
            }
        }
        if (leaders > 0 && random.nextDouble() < 0.8) {
            int k = random.nextInt(leaders);
            for (int id = 1; id <= nodes; id++) {
                if (sim.isUp(id) && sim.node(id).role() == Role.LEADER && k-- == 0) {
                    return id;
                }
            }
        }
        return pick(true, up);
    }

    private Links randomCut() {
        int node = 1 + random.nextInt(nodes);
        int others = (1 << nodes) - 1 & ~(1 << node - 1);
        return switch (random.nextInt(4)) {
            case 0 -> Links.isolate(node, nodes);
            case 1 -> {
                int to = 1 + random.nextInt(nodes);
                yield to == node ? Links.isolate(node, nodes) : Links.oneWay(node, to);
            }
            case 2 -> Links.reachableOnly(node, random.nextInt(1 << nodes) & others, nodes);
            default -> Links.split(random.nextInt(1 << nodes), nodes);
        };
    }

    /** A random server among the {@code count} that are up (or down). */
    private int pick(boolean up, int count) {
        int k = random.nextInt(Math.max(1, count));
        for (int id = 1; id <= nodes; id++) {
            if (sim.isUp(id) == up && k-- == 0) {
                return id;
            }
        }
        throw new IllegalStateException("no server is " + (up ? "up" : "down"));
    }

    private int countUp() {
        int up = 0;
        for (int id = 1; id <= nodes; id++) {
            if (sim.isUp(id)) {
                up++;
            }
        }
        return up;
    }

    private boolean flush() {
        return random.nextDouble() >= mix.batch();
    }
}
