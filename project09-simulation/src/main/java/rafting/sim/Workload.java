package rafting.sim;

import java.util.SplittableRandom;

/**
 * What the clients of a run ask: GET, SET, CAS and DEL on a few keys, and the everyday commands
 * of issue 19, as text for the log. Every
 * value written is new (the number of the command), so a read tells which write it saw; a CAS
 * mostly expects the value last written to its key, so that some succeed.
 *
 * <p>It draws from its own generator, seeded from the run's seed: the faults and the order of
 * events of a seed are the same whatever the clients ask.
 */
final class Workload {

    private static final String[] KEYS = {"x", "y", "z"};

    private final SplittableRandom random;
    /** For the everyday commands, drawn apart from the rest; null when the run has none. */
    private final SplittableRandom everyday;
    private final long[] lastWritten = new long[KEYS.length];
    private long commands;

    Workload(long seed) {
        this(seed, false);
    }

    /** The workload of {@code seed}, with the everyday commands of {@link #nextEveryday} in one command of three if asked. */
    Workload(long seed, boolean everyday) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        this.everyday = everyday ? new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL) : null;
    }

    /**
     * The next client command: {@code GET x}, {@code SET y 12}, {@code CAS z 12 13}, {@code DEL x},
     * and one in four of the everyday commands of issue 19 that compare values only for equality:
     * {@code GETSET y 14}, {@code SETNX z 15}, {@code GETDEL x}. ({@code INCR}, {@code APPEND} and
     * {@code STRLEN} read what a value is, so the checker could no longer merge the values nobody
     * reads, and its search on these long histories outgrows memory; their models are checked on
     * histories of their own in {@code EverydayCommandsModelTest}.)
     */
    String next() {
        if (everyday != null && everyday.nextInt(3) == 0) {
            return nextEveryday(++commands);
        }
        long number = ++commands;
        int key = random.nextInt(KEYS.length);
        int kind = random.nextInt(12);
        String k = KEYS[key];
        if (kind < 3) {
            return "GET " + k;
        }
        if (kind < 5) {
            lastWritten[key] = number;
            return "SET " + k + " " + number;
        }
        if (kind < 8) {
            long expected = lastWritten[key] > 0 && random.nextInt(4) > 0 ? lastWritten[key] : 1 + random.nextLong(number);
            lastWritten[key] = number;
            return "CAS " + k + " " + expected + " " + number;
        }
        if (kind < 9) {
            return "DEL " + k;
        }
        return switch (random.nextInt(3)) {
            case 0 -> "GETSET " + k + " " + number;
            case 1 -> "SETNX " + k + " " + number;
            default -> "GETDEL " + k;
        };
    }

    /**
     * One of the everyday commands that the default mix leaves out, numbered {@code number}: on
     * key {@code t}, values that expire ({@code PSETEX t 120 17}, 20 to 300 steps of the log's
     * time) read by {@code GET} and {@code PTTL}, and replaced by {@code SET} and {@code DEL}; on
     * key {@code n}, a counter ({@code INCRBY n -3}, {@code DECR n}, {@code DECRBY n 2},
     * {@code GET n}); and on the keys of the rest, commands of several keys ({@code MSET x 17 y 18},
     * {@code MSETNX y 17 z 18}, {@code MGET x y z}), which the history records key by key.
     */
    private String nextEveryday(long number) {
        return switch (everyday.nextInt(12)) {
            case 0, 1 -> "PSETEX t " + (20 + everyday.nextInt(281)) + " " + number;
            case 2, 3 -> "GET t";
            case 4 -> "PTTL t";
            case 5 -> everyday.nextBoolean() ? "SET t " + number : "DEL t";
            case 6 -> "INCRBY n " + (everyday.nextInt(11) - 5);
            case 7 -> everyday.nextBoolean() ? "DECR n" : "DECRBY n " + (1 + everyday.nextInt(5));
            case 8 -> "GET n";
            case 9 -> {
                int a = everyday.nextInt(KEYS.length);
                int b = (a + 1 + everyday.nextInt(KEYS.length - 1)) % KEYS.length;
                lastWritten[a] = number;
                lastWritten[b] = number + 1_000_000; // never a value of another command
                yield "MSET " + KEYS[a] + " " + number + " " + KEYS[b] + " " + (number + 1_000_000);
            }
            case 10 -> "MSETNX " + KEYS[0] + " " + number + " " + KEYS[2] + " " + (number + 1_000_000);
            default -> "MGET " + String.join(" ", KEYS);
        };
    }

    /** The commands the clients send once the faults stop: one read of every key, so that a lost write shows. */
    static String[] finalReads() {
        String[] reads = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            reads[i] = "GET " + KEYS[i];
        }
        return reads;
    }
}
