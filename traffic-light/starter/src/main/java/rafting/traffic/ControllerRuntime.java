package rafting.traffic;

import java.time.Duration;
import java.util.function.Consumer;
import rafting.events.EventLoop;

/**
 * Part 2: the controller brought to life: a periodic timer and button presses become events, fed
 * one at a time on an {@link EventLoop} into {@link Controller#next}, and every new state goes to
 * an output (the light devices, a screen). Only the loop's thread touches the state, so it needs
 * no lock. No sockets here: {@link ControllerServer} adds them. On a loop driven by hand with a
 * manual clock, tests step this runtime second by second without sleeping.
 */
public final class ControllerRuntime {

    private ControllerRuntime() {}

    /**
     * Starts the controller on {@code loop}: its initial state goes to {@code output} at once (on
     * the caller's thread), and a {@link Event#TICK} is fed every {@code second} by a periodic
     * timer of the loop (a shorter second runs the lights faster). Every new state goes to
     * {@code output} on the loop's thread.
     */
    public static ControllerRuntime start(Controller controller, EventLoop loop, Duration second,
            Consumer<State> output) {
        throw new UnsupportedOperationException("Part 2: output the initial state, schedule the ticks");
    }

    /** Feeds a button press; safe from any thread (it posts to the loop). False if the loop is stopping. */
    public boolean press(Direction button) {
        throw new UnsupportedOperationException("Part 2: post the press to the loop");
    }

    /** The latest state; safe from any thread. */
    public State state() {
        throw new UnsupportedOperationException("Part 2: the latest state");
    }
}
