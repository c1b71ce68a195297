package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 8: the server under load from many {@link KvClient}s at once, every reply checked. */
@Tag("part8")
class KvServerUnderLoadTest {

    private KvServer server;

    @BeforeEach
    void start() throws IOException {
        server = KvServer.start(0, new KvStore(), new RespReader.Limits(8, 1024, 256));
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(Threads.alive("kv-")).as("threads left behind").isEmpty();
    }

    @Test
    void thirtyTwoClientsDoAThousandOperationsEachWithEveryReplyChecked() throws Exception {
        int clients = 32;
        int operations = 1_000;
        server.store().set(Bytes.of("counter"), Bytes.of("0"));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> increments = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                increments.add(pool.submit(worker(c, operations)));
            }
            long total = 0;
            for (Future<Long> f : increments) {
                total += f.get(60, TimeUnit.SECONDS);
            }

            assertThat(server.store().get(Bytes.of("counter"))).contains(Bytes.of(Long.toString(total)));
            assertThat(total).isEqualTo(clients * operations / 5);
            assertThat(server.store().size()).isEqualTo(1 + clients * 10);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One client's share of the load, in rounds of five operations on one of its own ten keys:
     * SET, GET, CAS, EXISTS, each reply checked against what this client wrote, then a
     * compare-and-set increment of the shared counter, which only comes out right if no two
     * clients ever win the same race.
     */
    private Callable<Long> worker(int client, int operations) {
        return () -> {
            long increments = 0;
            try (KvClient kv = KvClient.connect("127.0.0.1", server.port())) {
                Bytes[] last = new Bytes[10];
                for (int i = 0; i < operations; i++) {
                    int k = (i / 5) % 10;
                    Bytes key = Bytes.of("c" + client + "-k" + k);
                    Bytes value = Bytes.of("c" + client + "-v" + i);
                    switch (i % 5) {
                        case 0 -> {
                            kv.set(key, value);
                            last[k] = value;
                        }
                        case 1 -> assertThat(kv.get(key)).contains(last[k]);
                        case 2 -> {
                            assertThat(kv.cas(key, Bytes.of("not " + last[k]), value)).isFalse();
                            assertThat(kv.cas(key, last[k], value)).isTrue();
                            last[k] = value;
                        }
                        case 3 -> assertThat(kv.exists(key)).isTrue();
                        default -> {
                            incrementCounter(kv);
                            increments++;
                        }
                    }
                }
                for (int k = 0; k < 10; k++) {
                    assertThat(kv.get(Bytes.of("c" + client + "-k" + k))).contains(last[k]);
                }
            }
            return increments;
        };
    }

    private static void incrementCounter(KvClient kv) throws IOException {
        Bytes counter = Bytes.of("counter");
        while (true) {
            Bytes seen = kv.get(counter).orElseThrow();
            Bytes next = Bytes.of(Long.toString(Long.parseLong(seen.asString()) + 1));
            if (kv.cas(counter, seen, next)) {
                return;
            }
        }
    }
}
