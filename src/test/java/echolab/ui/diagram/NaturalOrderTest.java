package echolab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInNamesCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("thread-c10", "thread-c9", "main", "thread-c100",
                "pool-worker-2", "pool2-worker-1", "pool-worker-11"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("main", "pool-worker-2", "pool-worker-11", "pool2-worker-1", "thread-c9",
                "thread-c10", "thread-c100"), names);
    }
}
