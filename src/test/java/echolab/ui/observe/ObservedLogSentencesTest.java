package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.ui.model.LogFormat;

/** The log says each event of the student's server in a sentence, not as a record's toString. */
class ObservedLogSentencesTest {

    private static String say(Event e) {
        return LogFormat.text(e, null);
    }

    @Test
    void eachObservedEventIsASentence() {
        assertEquals("your server PID 7 listens on 127.0.0.1:4000: ./server 4000",
                say(new Event.ObservedServerStarted(1, 0, 7, 4000, "./server 4000")));
        assertEquals("your server PID 7: ended on SIGTERM", say(new Event.ObservedServerStopped(1, 0, 7, "ended on SIGTERM")));
        assertEquals("PID 7 on stderr: bind: Address in use", say(new Event.ObservedOutput(1, 0, 7, "stderr", "bind: Address in use")));
        assertEquals("PID 7 printed: hello", say(new Event.ObservedOutput(1, 0, 7, "stdout", "hello")));
        assertEquals("PID 8 appeared (parent 7): ./server 4000",
                say(new Event.ObservedProcessAppeared(1, 0, 8, 7, "./server 4000")));
        assertEquals("PID 8 ended and is a ZOMBIE: its parent 7 has not reaped it",
                say(new Event.ObservedProcessZombie(1, 0, 8, 7)));
        assertEquals("zombie PID 8 reaped at last", say(new Event.ObservedProcessReaped(1, 0, 8, true)));
        assertEquals("PID 8 ended and was reaped", say(new Event.ObservedProcessReaped(1, 0, 8, false)));
        assertEquals("PID 7: thread pool (9) appeared", say(new Event.ObservedThreadAppeared(1, 0, 7, 9, "pool (9)", "pool")));
        assertEquals("PID 7: thread pool (9) waits in accept() on descriptor 3",
                say(new Event.ObservedThreadWaits(1, 0, 7, 9, "pool (9)", "ACCEPT", 3)));
        assertEquals("PID 7: thread pool (9) waits on a lock / semaphore",
                say(new Event.ObservedThreadWaits(1, 0, 7, 9, "pool (9)", "FUTEX", 0x55)));
        assertEquals("PID 7: thread pool (9) runs on a CPU",
                say(new Event.ObservedThreadWaits(1, 0, 7, 9, "pool (9)", "RUNNING", -1)));
        assertEquals("PID 7: thread TID 9 ended", say(new Event.ObservedThreadEnded(1, 0, 7, 9, "")));
        assertEquals("PID 7 has 12 descriptors open", say(new Event.ObservedDescriptors(1, 0, 7, 12)));
        assertEquals("the connection from port 50001 is held by PID 8, thread server (8)",
                say(new Event.ObservedConnectionHeld(1, 0, 50001, 8, "server (8)")));
        assertEquals("no process of your server holds the connection from port 50001 any more",
                say(new Event.ObservedConnectionReleased(1, 0, 50001)));
    }
}
