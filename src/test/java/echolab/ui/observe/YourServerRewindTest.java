package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.Wire;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.testing.EventRecorder;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;
import echolab.testing.RewindCheck;
import echolab.ui.model.ClientModel;
import echolab.ui.model.ProcessModel;

/**
 * The time machine's promise for the student's server's fold ({@link YourServerFold}), on
 * real runs of the example servers observed from /proc: a checkpoint restored and folded on is the
 * live state; the drawn models follow a restore, on the same objects where they are still there;
 * a checkpoint is a value later events leave alone.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class YourServerRewindTest {

    private static final int EVERY = 50;

    private final List<YourServerViewModel> made = new ArrayList<>();

    @AfterEach
    void closeTheTabs() {
        made.forEach(YourServerViewModel::close);
    }

    /** A tab's fold, the tab closed after the test. */
    private YourServerFold tab() {
        YourServerViewModel vm = new YourServerViewModel(new EventBus(), CommandHistory.inMemory());
        made.add(vm);
        return vm.fold();
    }

    /**
     * The events of {@code program} run with {@code clients} clients, observed until
     * {@code count} events of {@code until} came (children forked and reaped, or left zombies).
     */
    private static List<Event> run(String program, int clients, Class<? extends Event> until, int count)
            throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder recorder = new EventRecorder(bus)) {
            try (StudentServer server = StudentServer.start(new Launch(List.of(ExampleServers.program(program)
                    .toString())), bus); TreeSampler sampler = TreeSampler.start(server, bus);
                 ClientFleet fleet = new ClientFleet(server.address(), bus, "s-client-", Wire.text(Framing.BLANK_LINE))) {
                for (int i = 0; i < clients; i++) {
                    fleet.start(new Behaviour.Steady(4, 150, 16)); // long enough for the sampler to see each one served
                }
                assertTrue(fleet.awaitAll(30, TimeUnit.SECONDS), "the clients finished");
                recorder.await(until, count, Duration.ofSeconds(10));
            }
            return recorder.all();
        }
    }

    private int holds(String what, List<Event> events) {
        assertTrue(events.stream().anyMatch(e -> e instanceof Event.ObservedThreadWaits), what + ": threads seen");
        return RewindCheck.holds(what, this::tab, events, EVERY);
    }

    @Test
    void aForkingServerThatReapsIsTakenBackToEveryCheckpoint() throws Exception {
        List<Event> events = run("fork_reap", 8, Event.ObservedProcessReaped.class, 8);
        assertTrue(holds("fork_reap", events) >= 3);
    }

    @Test
    void aForkingServerThatLeavesZombiesIsTakenBackToEveryCheckpoint() throws Exception {
        List<Event> events = run("fork_noreap", 8, Event.ObservedProcessZombie.class, 8);
        assertTrue(holds("fork_noreap", events) >= 3);
    }

    @Test
    void aThreadPerClientServerIsTakenBackToEveryCheckpoint() throws Exception {
        List<Event> events = run("threads", 8, Event.ObservedThreadEnded.class, 8);
        assertTrue(holds("threads", events) >= 3);
    }

    /**
     * The drawn models of a tab taken back equal those the live tab drew at that instant (synced
     * every checkpoint, as frames do, while the tab taken back syncs once, on restore), and a
     * process box still there is the same object: the diagram keeps its nodes.
     */
    @Test
    void theDrawnTreeFollowsARestoreOnTheModelsStillThere() throws Exception {
        List<Event> events = run("fork_noreap", 8, Event.ObservedProcessZombie.class, 8);
        YourServerFold live = tab();
        List<ObservedTreeState> checkpoints = new ArrayList<>();
        List<List<ProcessModel.Snapshot>> drawn = new ArrayList<>();
        List<List<ClientModel.Snapshot>> chips = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            live.apply(events.get(i), events.get(i).nanos());
            boolean zombie = events.get(i) instanceof Event.ObservedProcessZombie; // the zombies are drawn, surely
            if ((i + 1) % EVERY == 0 || i == events.size() - 1 || zombie) {
                live.show(); // as the tab's frame does
                checkpoints.add(live.snapshot());
                drawn.add(processes(live.tree().drawn()));
                chips.add(live.tree().drawn().held().stream().map(ClientModel::snapshot).toList());
                figures.add(live.figuresProperty().get());
            }
        }
        assertTrue(drawn.stream().anyMatch(ps -> ps.stream().anyMatch(p -> p.zombie() && !p.threads().isEmpty())),
                "a zombie drawn with its lanes at some checkpoint");
        YourServerFold back = tab();
        events.forEach(e -> back.apply(e, e.nanos()));
        ObservedDiagramModel models = back.tree().drawn();
        for (int k = checkpoints.size() - 1; k >= 0; k--) {
            Map<Long, ProcessModel> before = new java.util.HashMap<>();
            models.processes().forEach(p -> before.put(p.pid(), p));
            back.restore(checkpoints.get(k));
            assertEquals(checkpoints.get(k), back.snapshot(), "checkpoint " + k + " as restored");
            assertEquals(drawn.get(k), processes(models), "checkpoint " + k + ": the boxes and lanes as drawn live");
            assertEquals(chips.get(k), models.held().stream().map(ClientModel::snapshot).toList(),
                    "checkpoint " + k + ": the held chips as drawn live");
            assertEquals(figures.get(k), back.figuresProperty().get(), "checkpoint " + k + ": the figures, at once");
            for (ProcessModel p : models.processes()) {
                ProcessModel was = before.get(p.pid());
                if (was != null && was.isServer() == p.isServer() && was.kind().equals(p.kind())) {
                    assertSame(was, p, "checkpoint " + k + ": PID " + p.pid() + " keeps its box");
                }
            }
        }
    }

    private static List<ProcessModel.Snapshot> processes(ObservedDiagramModel drawn) {
        return drawn.processes().stream().map(ProcessModel::snapshot).toList();
    }

    @Test
    void aCheckpointIsNotChangedByTheEventsFoldedAfterIt() throws Exception {
        List<Event> events = run("fork_reap", 2, Event.ObservedProcessReaped.class, 2);
        int half = events.size() / 2;
        Supplier<YourServerFold> folded = () -> {
            YourServerFold vm = tab();
            events.subList(0, half).forEach(e -> vm.apply(e, e.nanos()));
            return vm;
        };
        YourServerFold vm = folded.get();
        ObservedTreeState kept = vm.snapshot();
        events.subList(half, events.size()).forEach(e -> vm.apply(e, e.nanos()));
        ObservedTreeState now = vm.snapshot();
        assertNotEquals(kept, now, "the later events changed the tree");
        assertEquals(folded.get().snapshot(), kept, "the checkpoint is still the tree after the first half");
        assertFalse(kept.output().isEmpty(), "its output kept");
    }
}
