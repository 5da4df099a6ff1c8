package echolab.observe.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import echolab.clients.ClientResult;
import echolab.clients.SimulatedClient;

/**
 * Waiting for a group of clients (a wave, a burst): the clients still waiting are given up once
 * {@code quiet} has passed without any client of the group getting its answer, not at a fixed time
 * after they started. A correct server that is slow only because the machine is busy, or because it
 * runs behind the window at the lowest priority, keeps answering one client after another and is
 * waited for; a server that has orphaned its clients answers none of them, and they are given up one
 * quiet period after the last answer. At most {@code cap} in all.
 *
 * <p>Threading: any thread; it blocks.
 */
final class GroupWait {

    private GroupWait() {
    }

    /**
     * The results of the clients answered before the group was given up; the others are missing, and
     * so are clients that ended in an error (their ending still counts as the server doing something).
     */
    static Map<String, ClientResult> await(List<SimulatedClient> clients, long quietMillis, long capMillis)
            throws InterruptedException {
        long start = System.nanoTime();
        long quiet = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        long cap = TimeUnit.MILLISECONDS.toNanos(capMillis);
        long lastAnswer = start;
        Map<String, ClientResult> done = new LinkedHashMap<>();
        List<SimulatedClient> waiting = new ArrayList<>(clients);
        while (!waiting.isEmpty()) {
            long left = waitLeft(System.nanoTime(), start, lastAnswer, quiet, cap);
            if (left <= 0) {
                break;
            }
            CompletableFuture<?>[] futures = waiting.stream().map(SimulatedClient::result).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.anyOf(futures).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                break;
            } catch (ExecutionException e) {
                // one ended in an error: swept below with the others that ended
            }
            for (var it = waiting.iterator(); it.hasNext(); ) {
                SimulatedClient c = it.next();
                if (c.result().isDone()) {
                    it.remove();
                    lastAnswer = System.nanoTime();
                    if (!c.result().isCompletedExceptionally()) {
                        done.put(c.name(), c.result().join());
                    }
                }
            }
        }
        return done;
    }

    /**
     * How long the group may still be waited for at {@code now}: until a quiet period has passed since
     * the last answer (or the start), and no later than {@code cap} after the start; zero or less when
     * it is given up. All in nanoseconds of one clock.
     */
    static long waitLeft(long now, long start, long lastAnswer, long quiet, long cap) {
        return Math.min(Math.max(start, lastAnswer) + quiet, start + cap) - now;
    }
}
