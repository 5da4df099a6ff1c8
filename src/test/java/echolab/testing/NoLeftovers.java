package echolab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Fails a test that leaves a thread of ours, or a child process of this JVM, behind. Threads and
 * children get a few seconds to finish ending, since the last close may still be under way.
 *
 * <p>Tests that run side by side ({@code @Execution(CONCURRENT)}) see each other's threads and
 * servers while they run, so for them the same is checked once all of the class's tests are done:
 * nothing any of them started may be left.
 */
public final class NoLeftovers implements AfterEachCallback, AfterAllCallback {

    private static final long GRACE_MILLIS = 8_000;

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (context.getExecutionMode() == ExecutionMode.SAME_THREAD) {
            nothingLeft();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        nothingLeft();
        // every window the class opened is closed by now: none may still count as open, or the lab's
        // threads and students' servers started later in this JVM would run behind a window not there
        if (echolab.base.Background.behindWindow()) {
            fail("a window still counts as open after the class closed its windows (Background.windowOpened "
                    + "without windowClosed): what this JVM starts next would run at the lowest priority");
        }
    }

    private static void nothingLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        while (true) {
            List<String> threads = ourThreads();
            List<Long> children = ProcessHandle.current().descendants()
                    .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
            if (threads.isEmpty() && children.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                fail("left behind: threads " + threads + ", child processes " + children);
            }
            Thread.sleep(20);
        }
    }

    /** Live threads this project named (all start with {@code echolab-}). */
    public static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("echolab-"))
                .sorted()
                .collect(Collectors.toList());
    }
}
