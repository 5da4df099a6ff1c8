package echolab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a thread of ours, or a child process of this JVM, behind. Threads and
 * children get a few seconds to finish ending, since the last close may still be under way.
 */
public final class NoLeftovers implements AfterEachCallback {

    private static final long GRACE_MILLIS = 8_000;

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
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
