package rafting.sim.explore;

import java.util.List;

/**
 * A path from an initial state to where a check failed: the shortest one there is, since the
 * explorer goes breadth-first.
 *
 * @param problem what went wrong, such as {@code invariant "one green" broken}
 * @param steps   the initial state first (with no event), then every event and the state after it
 */
public record Trace<S, E>(String problem, List<Step<S, E>> steps) {

    public Trace {
        steps = List.copyOf(steps);
    }

    /** One event and the state it led to; the first step has no event. */
    public record Step<S, E>(E event, S state) {
        @Override
        public String toString() {
            return (event == null ? "(start)" : event.toString()) + " -> " + state;
        }
    }

    /** The events alone, in order: what a test asserts. */
    public List<E> events() {
        return steps.stream().skip(1).map(Step::event).toList();
    }

    /** The state where the trace ends. */
    public S lastState() {
        return steps.get(steps.size() - 1).state();
    }

    /** The problem on one line, then one numbered line per step. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(problem)
                .append(" after ").append(steps.size() - 1).append(" events:");
        for (int i = 0; i < steps.size(); i++) {
            Step<S, E> step = steps.get(i);
            out.append(String.format("%n%4d  %s%n      %s", i,
                    step.event() == null ? "(start)" : step.event(), step.state()));
        }
        return out.toString();
    }
}
