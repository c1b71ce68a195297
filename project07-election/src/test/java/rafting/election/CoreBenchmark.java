package rafting.election;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import rafting.consensus.Membership;
import rafting.replication.Message;

/**
 * How many inputs per second the core handles: five nodes, every message delivered at once, five
 * proposals per tick. Prints one line per round; not a test. Run it with the command in the README.
 */
public final class CoreBenchmark {

    private CoreBenchmark() {
    }

    public static void main(String[] args) {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        for (int round = 1; round <= 5; round++) {
            var members = Membership.ofSize(5);
            var nodes = new RaftNode[6];
            for (int id = 1; id <= 5; id++) {
                nodes[id] = RaftNode.create(id, members, Settings.defaults(), new SplittableRandom(id));
            }
            var inFlight = new ArrayDeque<Message>();
            long inputs = 0;
            long start = System.nanoTime();
            for (int tick = 0; tick < ticks; tick++) {
                for (int id = 1; id <= 5; id++) {
                    nodes[id].tick();
                    inputs++;
                    if (nodes[id].role() == Role.LEADER) {
                        for (int k = 0; k < 5; k++) {
                            nodes[id].propose("set k" + k + " v");
                            inputs++;
                        }
                    }
                    inFlight.addAll(Nodes.done(nodes[id]).messages());
                }
                while (!inFlight.isEmpty()) {
                    Message message = inFlight.poll();
                    nodes[message.to()].receive(message);
                    inputs++;
                    inFlight.addAll(Nodes.done(nodes[message.to()]).messages());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d inputs in %.2f s, %,.0f inputs/s; %,d entries committed%n",
                    round, inputs, seconds, inputs / seconds, nodes[1].commitIndex());
        }
    }
}
