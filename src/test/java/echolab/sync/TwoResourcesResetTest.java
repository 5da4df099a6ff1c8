package echolab.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import echolab.events.EventBus;

/**
 * A reset frees the workers that wait for a resource, and only them: a worker that holds both and
 * is doing its echo is not interrupted, or the interrupt would close the channel it writes to and
 * its client would lose the connection (seen as "the server closed the connection" once in a few
 * CI runs of ScenarioTest, when a reset came while a freed worker echoed).
 */
@Timeout(20)
class TwoResourcesResetTest {

    @Test
    void aResetLeavesAWorkerThatIsEchoingAlone() throws Exception {
        TwoResources resources = new TwoResources(new EventBus(false));
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean interruptedInWork = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                resources.run(1, "pool-worker-1", () -> DeadlockFix.NONE, () -> {
                    working.countDown();
                    try {
                        done.await(); // the echo, as long as the test likes
                    } catch (InterruptedException e) {
                        interruptedInWork.set(true);
                    }
                });
                finished.set(true);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "echolab-test-worker");
        worker.start();
        assertTrue(working.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            resources.reset();
        }
        done.countDown();
        worker.join(5_000);
        assertFalse(interruptedInWork.get(), "a reset reached the worker in its echo");
        assertTrue(finished.get(), "the echo ended normally");
        assertFalse(worker.isAlive());
        assertEquals(0, resources.reset(), "nobody is left inside to free");
    }
}
