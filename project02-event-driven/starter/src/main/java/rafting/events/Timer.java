package rafting.events;

/**
 * Part 1: a scheduled action of an {@link EventLoop}, one-shot or periodic at a fixed rate. The
 * loop creates it ({@link EventLoop#schedule}, {@link EventLoop#scheduleEvery}); the handle lets
 * its owner cancel it, from any thread. Give it the package-private state the loop needs (its
 * action, deadline, period, and a sequence number for ties).
 */
public final class Timer {

    private Timer() {}

    /**
     * Stops this timer: it will not fire again, even if it is already due and waiting in the
     * current batch. Returns true if this call stopped it; false if it was already cancelled or a
     * one-shot timer has already fired.
     */
    public boolean cancel() {
        throw new UnsupportedOperationException("Part 1: ask the loop to cancel this timer");
    }

    /** True once {@link #cancel()} has been called, or a one-shot timer has fired. */
    public boolean isDone() {
        throw new UnsupportedOperationException("Part 1: whether it was cancelled or has fired");
    }

    /**
     * {@code Timer(once, due at PT1S)}, {@code Timer(every PT1S, due at PT2S)}, with
     * {@code , done} before the closing parenthesis once done.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: kind and deadline");
    }
}
