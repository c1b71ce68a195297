package rafting.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import rafting.kv.Bytes;
import rafting.kv.Reply;

/**
 * {@code ./raftkv bench}: N clients, each on its own connection and thread, each sending SETs of
 * a value of B bytes one at a time (the next once the last is answered), to the leader, which
 * they find by themselves, after a second of uncounted SETs to warm up. Prints throughput and
 * latency percentiles over all requests.
 */
final class Bench {

    private static final long WARMUP_NANOS = 1_000_000_000;

    private Bench() {
    }

    static int run(Map<String, String> options) throws InterruptedException {
        int clients = RaftKv.number(options.getOrDefault("--clients", "16"), "--clients");
        int requests = RaftKv.number(options.getOrDefault("--requests", "50000"), "--requests");
        int valueSize = RaftKv.number(options.getOrDefault("--value-size", "256"), "--value-size");
        if (clients < 1 || requests < clients) {
            throw new RaftKv.UsageException("need at least 1 client and at least one request per client");
        }
        List<InetSocketAddress> nodes = RaftKv.clientAddresses(RaftKv.cluster(options));
        byte[] value = new byte[valueSize];
        Arrays.fill(value, (byte) 'x');
        Bytes payload = Bytes.of(value);
        long[] latencies = new long[requests];
        var errors = new AtomicLong();
        var done = new CountDownLatch(clients);
        var warmedUp = new CountDownLatch(clients);
        var start = new CountDownLatch(1);
        int perClient = requests / clients;
        for (int c = 0; c < clients; c++) {
            int client = c;
            int from = c * perClient;
            int to = c == clients - 1 ? requests : from + perClient;
            Thread thread = new Thread(() -> {
                try (var kv = new ClusterClient(nodes).withSession()) {
                    // Before the clock starts: find the leader, and warm up the JIT compilers of this
                    // process and of the nodes with a second of SETs that are not counted.
                    long warm = System.nanoTime() + WARMUP_NANOS;
                    for (int i = 0; System.nanoTime() < warm; i++) {
                        kv.call(List.of(Bytes.of("SET"), Bytes.of("bench:" + client + ":" + (i % 1000)), payload));
                    }
                    warmedUp.countDown();
                    start.await();
                    for (int i = from; i < to; i++) {
                        Bytes key = Bytes.of("bench:" + client + ":" + (i % 1000));
                        long t0 = System.nanoTime();
                        try {
                            Reply reply = kv.call(List.of(Bytes.of("SET"), key, payload));
                            if (!(reply instanceof Reply.Simple)) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (IOException | InterruptedException e) {
                    errors.addAndGet(to - from);
                } finally {
                    warmedUp.countDown(); // for a client that failed before it was warm; after the start, a no-op
                    done.countDown();
                }
            }, "bench-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        warmedUp.await();
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d SETs of %d bytes by %d clients in %.2f s: %,.0f requests/s, %d errors%n",
                requests, valueSize, clients, seconds, requests / seconds, errors.get());
        System.out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", percentile(latencies, 50),
                percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
        return errors.get() == 0 ? 0 : 1;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
