package echolab.observe;

/**
 * One thread of an observed process at one moment.
 *
 * @param tid          the kernel's thread id (the PID for the process's first thread)
 * @param name         the thread's name ({@code comm}), e.g. {@code pool} or {@code python3}
 * @param state        the kernel's one-letter state: {@code R}, {@code S}, {@code D}, {@code Z}, ...
 * @param waitsIn      what it is blocked in; {@link WaitKind#UNKNOWN} where the system does not say
 * @param argument     for {@code accept}, {@code read}, {@code write}: the descriptor; for a futex: its
 *                     address (threads on the same semaphore share it); else -1
 * @param cpuNanos     CPU time the thread has used, user and system, or -1 where unknown
 */
public record ThreadSnapshot(long tid, String name, char state, WaitKind waitsIn, long argument, long cpuNanos) {}
