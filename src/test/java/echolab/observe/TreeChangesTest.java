package echolab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.events.EventBus;

/** Readings of a tree in, events out: only what changed, births before changes before deaths. */
class TreeChangesTest {

    private static final int PORT = 7000;

    private final TreeChanges changes = new TreeChanges(PORT);

    private static ThreadSnapshot thread(long tid, WaitKind wait, long argument) {
        return new ThreadSnapshot(tid, "fork_reap", 'S', wait, argument, 0);
    }

    private static ProcessSnapshot process(long pid, long ppid, char state, int fds, List<ThreadSnapshot> threads,
                                           List<SocketEnd> sockets) {
        return new ProcessSnapshot(pid, ppid, "./fork_reap " + PORT, state, 1 << 20, 0, fds, threads, sockets);
    }

    private List<String> next(ProcessSnapshot... processes) {
        return changes.next(new TreeSnapshot(0, 100, List.of(processes))).stream()
                .map(f -> describe(f.make(0, 0))).toList();
    }

    private static String describe(Event e) {
        if (e instanceof Event.ObservedProcessAppeared x) {
            return "appeared " + x.pid() + " of " + x.ppid();
        } else if (e instanceof Event.ObservedProcessZombie x) {
            return "zombie " + x.pid();
        } else if (e instanceof Event.ObservedProcessReaped x) {
            return "reaped " + x.pid() + (x.wasZombie() ? " (was a zombie)" : "");
        } else if (e instanceof Event.ObservedThreadAppeared x) {
            return "thread " + x.workerId();
        } else if (e instanceof Event.ObservedThreadWaits x) {
            return x.workerId() + " waits in " + x.waitsIn() + " " + x.argument();
        } else if (e instanceof Event.ObservedThreadEnded x) {
            return "ended " + x.workerId();
        } else if (e instanceof Event.ObservedDescriptors x) {
            return x.pid() + " has " + x.descriptors() + " descriptors";
        } else if (e instanceof Event.ObservedConnectionHeld x) {
            return "client port " + x.clientPort() + " held by " + x.pid() + " " + x.workerId();
        } else if (e instanceof Event.ObservedConnectionReleased x) {
            return "client port " + x.clientPort() + " released";
        }
        return e.toString();
    }

    @Test
    void aChildThatServesAClientThenBecomesAZombieThenIsReaped() {
        SocketEnd listening = new SocketEnd(3, PORT, 0, true);
        ProcessSnapshot parent = process(100, 1, 'S', 4, List.of(thread(100, WaitKind.ACCEPT, 3)), List.of(listening));
        assertEquals(List.of("appeared 100 of 1", "100 has 4 descriptors", "thread fork_reap (100)",
                "fork_reap (100) waits in ACCEPT 3"), next(parent));
        assertEquals(List.of(), next(parent), "nothing changed, nothing said");

        ProcessSnapshot child = process(101, 100, 'S', 5, List.of(thread(101, WaitKind.READ, 4)),
                List.of(listening, new SocketEnd(4, PORT, 50123, false)));
        assertEquals(List.of("appeared 101 of 100", "101 has 5 descriptors", "thread fork_reap (101)",
                "fork_reap (101) waits in READ 4", "client port 50123 held by 101 fork_reap (101)"), next(parent, child));

        ProcessSnapshot zombie = process(101, 100, 'Z', -1, List.of(), List.of());
        assertEquals(List.of("zombie 101", "client port 50123 released", "ended fork_reap (101)"), next(parent, zombie));
        assertEquals(List.of("reaped 101 (was a zombie)"), next(parent));
    }

    @Test
    void aParentThatKeepsTheConnectionDoesNotTakeItFromTheChildThatServesIt() {
        SocketEnd kept = new SocketEnd(4, PORT, 50200, false);
        ProcessSnapshot parent = process(100, 1, 'S', 5, List.of(thread(100, WaitKind.ACCEPT, 3)), List.of(kept));
        ProcessSnapshot child = process(102, 100, 'S', 5, List.of(thread(102, WaitKind.READ, 4)), List.of(kept));
        List<String> events = next(parent, child);
        assertEquals(1, events.stream().filter(s -> s.startsWith("client port")).count(), events.toString());
        assertEquals(true, events.contains("client port 50200 held by 102 fork_reap (102)"), events.toString());
    }

    @Test
    void everyChangeIsAnEventTheBusCanStamp() {
        EventBus bus = new EventBus();
        var sub = bus.subscribe("test", 64);
        for (EventBus.Stamped f : changes.next(new TreeSnapshot(0, 100, List.of(process(100, 1, 'S', 3,
                List.of(thread(100, WaitKind.POLL, -1)), List.of()))))) {
            bus.publish(f);
        }
        assertEquals(4, sub.drain(e -> { }, 64));
        sub.close();
    }
}
