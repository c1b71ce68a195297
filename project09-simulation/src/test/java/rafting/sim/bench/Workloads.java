package rafting.sim.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import rafting.sim.history.Command;
import rafting.sim.history.Operation;

/**
 * Random key-value histories that are linearizable by construction, for benchmarks and for tests
 * of the checker. Each client sends one command at a time, waits a random latency for the reply
 * and thinks a little before the next; every command takes effect at a random moment inside its
 * interval, and the replies come from running the commands on a map in the order of those moments.
 */
public final class Workloads {

    private Workloads() {}

    /**
     * A history of {@code clients * perClient} operations on {@code keys}, in order of invocation.
     * Values are "0" to {@code values - 1} (few values make the checker's work harder: a read
     * then fits many writes). Latencies are 1 to {@code maxLatency} time units; one write in
     * {@code openOneIn} never gets its reply (it still takes effect), none when it is 0.
     */
    public static List<Operation> linearizable(RandomGenerator random, int clients, int perClient, List<String> keys,
                                               int values, int maxLatency, int openOneIn) {
        record Planned(int client, Command command, long invoked, long completed, long moment, boolean open) {}
        List<Planned> planned = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            long now = random.nextInt(maxLatency);
            for (int i = 0; i < perClient; i++) {
                Command command = randomCommand(random, keys.get(random.nextInt(keys.size())), values);
                long completed = now + 1 + random.nextInt(maxLatency);
                long moment = now + random.nextLong(completed - now + 1);
                boolean open = !command.isRead() && openOneIn > 0 && random.nextInt(openOneIn) == 0;
                planned.add(new Planned(client, command, now, completed, moment, open));
                now = completed + 1 + random.nextInt(Math.max(1, maxLatency / 2));
            }
        }
        planned.sort(Comparator.comparingLong(Planned::moment));
        Map<String, String> store = new HashMap<>();
        List<Operation> history = new ArrayList<>();
        for (Planned p : planned) {
            String reply = run(p.command(), store);
            history.add(p.open() ? Operation.open(p.client(), p.command(), p.invoked())
                    : Operation.completed(p.client(), p.command(), reply, p.invoked(), p.completed()));
        }
        history.sort(Comparator.comparingLong(Operation::invoked));
        return history;
    }

    private static Command randomCommand(RandomGenerator random, String key, int values) {
        String value = Integer.toString(random.nextInt(values));
        return switch (random.nextInt(6)) {
            case 0, 1 -> Command.get(key);
            case 2 -> Command.set(key, value);
            case 3 -> Command.del(key);
            case 4 -> Command.exists(key);
            default -> Command.cas(key, Integer.toString(random.nextInt(values)), value);
        };
    }

    /** Runs {@code command} on {@code store} and returns its reply. */
    private static String run(Command command, Map<String, String> store) {
        String key = command.key();
        String current = store.get(key);
        return switch (command.kind()) {
            case GET -> current;
            case EXISTS -> current == null ? "0" : "1";
            case SET -> {
                store.put(key, command.value());
                yield "OK";
            }
            case DEL -> store.remove(key) == null ? "0" : "1";
            case CAS -> {
                if (!command.expected().equals(current)) {
                    yield "0";
                }
                store.put(key, command.value());
                yield "1";
            }
            default -> throw new IllegalArgumentException("the checker benchmark draws no " + command.kind());
        };
    }
}
