package rafting.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Communicating tasks, the warmup's pattern, on the smallest example that still has three stages:
 * one task counts 1..n, one squares, one adds up. Each owns its own state and talks to the next
 * one only through a {@link Channel}; closing a channel tells the next task that the work is done.
 *
 * <pre>  numbers --[channel]--> squarer --[channel]--> adder</pre>
 *
 * Run it: {@code java -cp project02-event-driven/target/classes rafting.events.SumOfSquares 1000}
 */
public final class SumOfSquares {

    private SumOfSquares() {
    }

    /** 1² + 2² + ... + n², computed by three tasks joined by channels of the given capacity. */
    public static long compute(int n, int capacity) throws Exception {
        Channel<Long> numbers = Channel.withCapacity(capacity);
        Channel<Long> squares = Channel.withCapacity(capacity);
        AtomicLong sum = new AtomicLong();
        try (TaskGroup group = TaskGroup.named("sum-of-squares")) {
            group.fork("count", () -> {
                for (long i = 1; i <= n; i++) {
                    numbers.send(i);
                }
                numbers.close();
            }).fork("square", () -> {
                for (var x = numbers.receive(); x.isPresent(); x = numbers.receive()) {
                    squares.send(Math.multiplyExact(x.get(), x.get()));
                }
                squares.close();
            }).fork("add", () -> {
                for (var x = squares.receive(); x.isPresent(); x = squares.receive()) {
                    sum.addAndGet(x.get());
                }
            });
            group.join(Duration.ofMinutes(1));
        }
        return sum.get();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("sum of squares 1.." + n + " = " + compute(n, 16));
    }
}
