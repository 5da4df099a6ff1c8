package echolab.sync.step;

/**
 * One entry of the history: {@code worker} did {@code action}, after which its local was
 * {@code local} and the shared counter {@code counter}.
 *
 * @param number    1 for the first entry of a run, then 2, 3, ...
 * @param local     the worker's local after the step (for {@link Action#BLOCKED}: 0, it has none yet)
 * @param overwrote for a write: the counter had changed since this worker read it, so the write
 *                  erased an update it never saw
 */
public record Step(int number, Worker worker, Action action, long local, long counter, boolean overwrote) {
}
