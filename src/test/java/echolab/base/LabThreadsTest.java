package echolab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.testing.NoLeftovers;

/** The lab's threads carry the names they are given, and are daemons unless asked otherwise. */
@ExtendWith(NoLeftovers.class)
@Timeout(10)
class LabThreadsTest {

    @Test
    void aDaemonRunsUnderItsNameOnceStarted() throws Exception {
        AtomicReference<String> ranAs = new AtomicReference<>();
        Thread t = LabThreads.daemon("echolab-test-daemon", () -> ranAs.set(Thread.currentThread().getName()));
        assertTrue(t.isDaemon());
        assertEquals(Thread.State.NEW, t.getState(), "made, not started");
        t.start();
        t.join(5_000);
        assertEquals("echolab-test-daemon", ranAs.get());
    }

    @Test
    void startDaemonStartsIt() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread t = LabThreads.startDaemon("echolab-test-started", ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        t.join(5_000);
        assertTrue(t.isDaemon());
    }

    @Test
    void aUserThreadKeepsTheJvmAliveEvenWhenADaemonMakesIt() throws Exception {
        AtomicReference<Thread> made = new AtomicReference<>();
        Thread maker = LabThreads.startDaemon("echolab-test-maker", () -> made.set(LabThreads.user("echolab-test-user", () -> { })));
        maker.join(5_000);
        assertFalse(made.get().isDaemon(), "not inherited from the daemon that made it");
        assertEquals("echolab-test-user", made.get().getName());
    }

    @Test
    void aFactoryMakesDaemonsOfOneName() {
        ThreadFactory factory = LabThreads.daemons("echolab-test-timer");
        Thread a = factory.newThread(() -> { });
        Thread b = factory.newThread(() -> { });
        assertEquals("echolab-test-timer", a.getName());
        assertEquals("echolab-test-timer", b.getName());
        assertTrue(a.isDaemon() && b.isDaemon());
    }

    @Test
    void aNameWithoutTheLabsPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LabThreads.daemon("worker-1", () -> { }));
        assertThrows(IllegalArgumentException.class, () -> LabThreads.daemons("pool"));
    }
}
