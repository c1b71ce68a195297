package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part2")
class HistoryTest {

    @Test
    void recordsOverlappingCallsInTheOrderTheyHappened() {
        History history = new History();
        History.Call first = history.invoke(1, Command.set("x", "1"));
        History.Call second = history.invoke(2, Command.get("x"));
        first.returned("OK");
        second.returned("1");

        assertThat(history.operations()).containsExactly(
                Operation.completed(1, Command.set("x", "1"), "OK", 1, 3),
                Operation.completed(2, Command.get("x"), "1", 2, 4));
    }

    @Test
    void keepsUnansweredCallsOpenAndForgetsDiscardedOnes() {
        History history = new History();
        history.invoke(1, Command.set("x", "1"));
        history.invoke(2, Command.set("x", "2")).discard();

        assertThat(history.operations()).containsExactly(Operation.open(1, Command.set("x", "1"), 1));
    }

    @Test
    void refusesAReplyOfTheWrongFormAndASecondEnd() {
        History history = new History();
        History.Call call = history.invoke(1, Command.del("x"));

        assertThatThrownBy(() -> call.returned("OK")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEL replies 0 or 1");
        call.returned("0");
        assertThatThrownBy(() -> call.returned("0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already ended");
    }

    @Test
    void aConcurrentMapRecordedFromFourThreadsIsLinearizable() throws Exception {
        ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
        History history = new History();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int id = client;
                running.add(clients.submit(() -> {
                    Random random = new Random(id);
                    for (int i = 0; i < 2_000; i++) {
                        String key = "k" + random.nextInt(3);
                        String value = Integer.toString(random.nextInt(4));
                        switch (random.nextInt(4)) {
                            case 0 -> history.invoke(id, Command.get(key)).returned(map.get(key));
                            case 1 -> {
                                History.Call call = history.invoke(id, Command.set(key, value));
                                map.put(key, value);
                                call.returned("OK");
                            }
                            case 2 -> {
                                History.Call call = history.invoke(id, Command.del(key));
                                call.returned(map.remove(key) != null ? "1" : "0");
                            }
                            default -> {
                                String expected = Integer.toString(random.nextInt(4));
                                History.Call call = history.invoke(id, Command.cas(key, expected, value));
                                call.returned(map.replace(key, expected, value) ? "1" : "0");
                            }
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        List<Operation> operations = history.operations();
        assertThat(operations).hasSize(8_000).noneMatch(Operation::isOpen);
        assertThat(LinearizabilityChecker.check(operations).outcome()).isEqualTo(CheckResult.Outcome.LINEARIZABLE);
    }
}
