package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The commands with a clock or a counter, on a store whose clock the test moves by hand. */
@Tag("part6")
class ExpiryAndCountersTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final KvStore store = new KvStore(clock::get);

    private Reply run(String... words) throws InvalidCommandException {
        return KvCommand.of(words).applyTo(store);
    }

    @Test
    void aKeyLivesThroughItsLastMillisecondAndIsGoneAfter() throws InvalidCommandException {
        run("SET", "k", "v", "PX", "100");

        clock.addAndGet(100);
        assertThat(run("GET", "k")).isEqualTo(Reply.bulk("v"));
        clock.addAndGet(1);
        assertThat(run("GET", "k")).isEqualTo(Reply.NIL);
        assertThat(run("TTL", "k")).isEqualTo(Reply.integer(-2));
    }

    @Test
    void expiredKeysLeaveTheStoreSoCountsAreExact() throws InvalidCommandException {
        for (int i = 0; i < 1000; i++) {
            run("SET", "k" + i, "v", "PX", Integer.toString(1 + i % 2));
        }
        run("SET", "stays", "v");
        clock.addAndGet(2);
        assertThat(run("DBSIZE")).isEqualTo(Reply.integer(501));
        clock.addAndGet(1);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.toString()).isEqualTo("KvStore{\"stays\"=\"v\"}");
    }

    @Test
    void theNextExpiryIsTheEarliestOfAnyKeyAndReadingItDropsNothing() throws InvalidCommandException {
        assertThat(store.nextExpiry()).isEmpty();
        run("SET", "late", "v", "PX", "500");
        run("SET", "soon", "v", "PX", "100");
        run("SET", "never", "v");

        clock.addAndGet(200);
        assertThat(store.nextExpiry()).hasValue(1_000_100); // past, but not dropped until the store is used
        assertThat(run("EXISTS", "soon")).isEqualTo(Reply.integer(0));
        assertThat(store.nextExpiry()).hasValue(1_000_500);
        run("PERSIST", "late");
        assertThat(store.nextExpiry()).isEmpty();
    }

    @Test
    void everyKeyWithItsExpiryComesOutAndGoesBackIntoAnotherStoreWithoutReadingTheClock()
            throws InvalidCommandException {
        run("SET", "stays", "v");
        run("SET", "soon", "w", "PX", "100");
        clock.addAndGet(200); // "soon" is past its time but not dropped yet
        var copy = new KvStore(() -> {
            throw new AssertionError("putting entries back reads no clock");
        });

        var seen = new java.util.ArrayList<String>();
        store.forEachEntry((key, value, at) -> {
            seen.add(key + "=" + value + "@" + at);
            copy.putEntry(key, value, at);
        });

        assertThat(seen).containsExactlyInAnyOrder("\"stays\"=\"v\"@-1", "\"soon\"=\"w\"@1000100");
        var again = new java.util.ArrayList<String>();
        copy.forEachEntry((key, value, at) -> again.add(key + "=" + value + "@" + at));
        assertThat(again).containsExactlyInAnyOrderElementsOf(seen);
    }

    @Test
    void ttlRoundsToTheNearestSecondAndPttlIsExact() throws InvalidCommandException {
        run("SET", "k", "v", "EX", "10");
        clock.addAndGet(1_499);
        assertThat(run("TTL", "k")).isEqualTo(Reply.integer(9));
        clock.addAndGet(2);
        assertThat(run("TTL", "k")).isEqualTo(Reply.integer(8));
        assertThat(run("PTTL", "k")).isEqualTo(Reply.integer(8_499));
    }

    @Test
    void setForgetsTheExpiryUnlessKeepttlAndCountersKeepIt() throws InvalidCommandException {
        run("SET", "n", "1", "EX", "100");
        run("INCR", "n");
        run("APPEND", "n", "0");
        assertThat(run("TTL", "n")).isEqualTo(Reply.integer(100));
        run("SET", "n", "5", "KEEPTTL");
        assertThat(run("TTL", "n")).isEqualTo(Reply.integer(100));
        assertThat(run("GETSET", "n", "6")).isEqualTo(Reply.bulk("5"));
        assertThat(run("TTL", "n")).isEqualTo(Reply.integer(-1));
    }

    @Test
    void expireAtOrBeforeNowDeletesAndExatCountsFromTheEpoch() throws InvalidCommandException {
        run("SET", "k", "v");
        assertThat(run("PEXPIRE", "k", "0")).isEqualTo(Reply.integer(1));
        assertThat(run("EXISTS", "k")).isEqualTo(Reply.integer(0));
        run("SET", "k", "v", "PXAT", Long.toString(clock.get() + 50));
        assertThat(run("PTTL", "k")).isEqualTo(Reply.integer(50));
        run("SET", "k", "v", "EXAT", "2000");
        assertThat(run("PTTL", "k")).isEqualTo(Reply.integer(2_000_000 - 1_000_000));
    }

    @Test
    void anExpiryThatOverflowsTheClockIsRefusedAndChangesNothing() throws InvalidCommandException {
        run("SET", "k", "old");
        assertThat(run("SET", "k", "new", "PX", Long.toString(Long.MAX_VALUE - 10)))
                .isEqualTo(Reply.error("ERR invalid expire time in 'set' command"));
        assertThat(run("GET", "k")).isEqualTo(Reply.bulk("old"));
        assertThat(run("PEXPIRE", "k", Long.toString(Long.MAX_VALUE - 10)))
                .isEqualTo(Reply.error("ERR invalid expire time in 'pexpire' command"));
        assertThat(run("TTL", "k")).isEqualTo(Reply.integer(-1));
    }

    @Test
    void msetnxWritesAllOrNothing() throws InvalidCommandException {
        run("SET", "b", "taken");
        assertThat(run("MSETNX", "a", "1", "b", "2")).isEqualTo(Reply.integer(0));
        assertThat(run("EXISTS", "a")).isEqualTo(Reply.integer(0));
        assertThat(run("MSETNX", "a", "1", "c", "3")).isEqualTo(Reply.integer(1));
        assertThat(run("MGET", "a", "b", "c")).isEqualTo(Reply.array(java.util.List.of(Reply.bulk("1"),
                Reply.bulk("taken"), Reply.bulk("3"))));
    }

    @Test
    void appendStopsAtTheLongestValueAndKeepsTheOldOne() throws InvalidCommandException {
        Bytes big = Bytes.of(new byte[KvStore.MAX_VALUE_LENGTH]);
        store.set(Bytes.of("k"), big);
        assertThat(run("APPEND", "k", "x"))
                .isEqualTo(Reply.error("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        assertThat(store.get(Bytes.of("k"))).contains(big);
    }

    @Test
    void flushallEmptiesTheStore() throws InvalidCommandException {
        run("MSET", "a", "1", "b", "2");
        assertThat(run("FLUSHALL")).isEqualTo(Reply.OK);
        assertThat(run("DBSIZE")).isEqualTo(Reply.integer(0));
    }

    @Test
    void everyNewCommandTurnsBackIntoArgumentsThatParseToItself() throws InvalidCommandException {
        for (String[] words : new String[][] {{"SET", "k", "v", "nx", "get", "px", "5"}, {"SET", "k", "v", "KEEPTTL"},
                {"DECRBY", "k", "3"}, {"INCR", "k"}, {"APPEND", "k", "v"}, {"STRLEN", "k"}, {"GETDEL", "k"},
                {"GETSET", "k", "v"}, {"SETNX", "k", "v"}, {"MGET", "a", "b"}, {"MSET", "a", "1"}, {"MSETNX", "a", "1"},
                {"EXPIRE", "k", "5", "xx", "gt"}, {"PEXPIRE", "k", "5"}, {"TTL", "k"}, {"PTTL", "k"}, {"PERSIST", "k"},
                {"DBSIZE"}, {"FLUSHALL"}}) {
            KvCommand command = KvCommand.of(words);
            assertThat(KvCommand.parse(command.args())).as(String.join(" ", words)).isEqualTo(command);
        }
    }
}
