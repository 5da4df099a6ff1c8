package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandHistoryTest {

    private final Preferences node = Preferences.userRoot().node("echolab-test/history-" + ProcessHandle.current().pid());

    @AfterEach
    void forget() throws Exception {
        Preferences parent = node.parent();
        node.removeNode();
        if (parent.childrenNames().length == 0 && parent.keys().length == 0) {
            parent.removeNode();
        }
    }

    @Test
    void theNewestComesFirstOnceAndOnlyTheLastTenAreKept() {
        CommandHistory h = new CommandHistory(node);
        for (int i = 1; i <= 12; i++) {
            h.remember("./server" + i);
        }
        h.remember("./server5");
        List<String> c = h.commands();
        assertEquals(CommandHistory.KEPT, c.size());
        assertEquals("./server5", c.get(0));
        assertEquals("./server12", c.get(1));
        assertEquals(1, c.stream().filter("./server5"::equals).count());
    }

    @Test
    void theCommandsAreThereForTheNextWindow() {
        new CommandHistory(node).remember("./fork_reap");
        new CommandHistory(node).remember("python3 echo.py {port}");
        assertEquals(List.of("python3 echo.py {port}", "./fork_reap"), new CommandHistory(node).commands());
    }

    @Test
    void aHistoryInMemoryRemembersForThisWindowOnly() {
        CommandHistory h = CommandHistory.inMemory();
        h.remember("  ./server  ");
        h.remember("");
        assertEquals(List.of("./server"), h.commands());
    }
}
