package rafting.sim;

import java.util.SplittableRandom;

/**
 * What the clients of a run ask: GET, SET, CAS and DEL on a few keys, as text for the log. Every
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

    /** The next client command: {@code GET x}, {@code SET y 12}, {@code CAS z 12 13}, {@code DEL x}. */
    String next() {
        long number = ++commands;
        int key = random.nextInt(KEYS.length);
        int kind = random.nextInt(10);
        if (kind < 3) {
            return "GET " + KEYS[key];
        }
        if (kind < 6) {
            lastWritten[key] = number;
            return "SET " + KEYS[key] + " " + number;
        }
        if (kind < 9) {
            long expected = lastWritten[key] > 0 && random.nextInt(4) > 0 ? lastWritten[key] : 1 + random.nextLong(number);
            lastWritten[key] = number;
            return "CAS " + KEYS[key] + " " + expected + " " + number;
        }
        return "DEL " + KEYS[key];
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
