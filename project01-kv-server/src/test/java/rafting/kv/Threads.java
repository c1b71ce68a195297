package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Helpers for tests with real threads: wait on a condition with a deadline, find leaks. */
final class Threads {

    private Threads() {}

    /** Names of the live threads whose name starts with {@code prefix}. */
    static List<String> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    /** Waits until {@code condition} holds, failing after five seconds. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out waiting until " + what).isNegative();
            LockSupport.parkNanos(1_000_000); // poll gently: the thread we wait for needs the CPU
        }
    }
}
