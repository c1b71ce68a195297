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
    private final long[] lastWritten = new long[KEYS.length];
    private long commands;

    Workload(long seed) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
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

    /** The commands the clients send once the faults stop: one read of every key, so that a lost write shows. */
    static String[] finalReads() {
        String[] reads = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            reads[i] = "GET " + KEYS[i];
        }
        return reads;
    }
}
