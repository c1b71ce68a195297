package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part4")
class KvStoreTest {

    private final KvStore store = new KvStore();
    private final Bytes foo = Bytes.of("foo");

    @Test
    void getsWhatWasSetLast() {
        assertThat(store.get(foo)).isEmpty();

        store.set(foo, Bytes.of("one"));
        store.set(foo, Bytes.of("two"));

        assertThat(store.get(foo)).contains(Bytes.of("two"));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void deleteReportsWhetherTheKeyWasThere() {
        store.set(foo, Bytes.of("x"));

        assertThat(store.delete(foo)).isTrue();
        assertThat(store.delete(foo)).isFalse();
        assertThat(store.exists(foo)).isFalse();
        assertThat(store.get(foo)).isEmpty();
    }

    @Test
    void anEmptyValueIsAValue() {
        store.set(foo, Bytes.EMPTY);

        assertThat(store.exists(foo)).isTrue();
        assertThat(store.get(foo)).contains(Bytes.EMPTY);
    }

    @Test
    void keysAndValuesAreBinarySafe() {
        Bytes key = Bytes.of(new byte[] {0, (byte) 0xff, '\r', '\n'});
        Bytes otherKey = Bytes.of(new byte[] {0, (byte) 0xff, '\r'});
        Bytes value = Bytes.of(new byte[] {(byte) 0x80, 0, 0});

        store.set(key, value);

        assertThat(store.get(key)).contains(value);
        assertThat(store.exists(otherKey)).isFalse();
    }

    @Test
    void casReplacesOnlyTheExpectedValue() {
        store.set(foo, Bytes.of("old"));

        assertThat(store.cas(foo, Bytes.of("wrong"), Bytes.of("new"))).isFalse();
        assertThat(store.get(foo)).contains(Bytes.of("old"));
        assertThat(store.cas(foo, Bytes.of("old"), Bytes.of("new"))).isTrue();
        assertThat(store.get(foo)).contains(Bytes.of("new"));
    }

    @Test
    void casOnAMissingKeyChangesNothing() {
        assertThat(store.cas(foo, Bytes.EMPTY, Bytes.of("new"))).isFalse();
        assertThat(store.exists(foo)).isFalse();
    }

    @Test
    void concurrentCasIncrementsNeverLoseAnUpdate() throws Exception {
        Bytes counter = Bytes.of("counter");
        store.set(counter, Bytes.of("0"));
        int threads = 4;
        int increments = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            Callable<Integer> incrementer = () -> {
                for (int i = 0; i < increments; i++) {
                    while (true) {
                        Bytes seen = store.get(counter).orElseThrow();
                        Bytes next = Bytes.of(Long.toString(Long.parseLong(seen.asString()) + 1));
                        if (store.cas(counter, seen, next)) {
                            break;
                        }
                    }
                }
                return increments;
            };
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(incrementer));
            }
            for (Future<Integer> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.get(counter)).contains(Bytes.of(Integer.toString(threads * increments)));
    }
}
