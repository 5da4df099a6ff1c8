package echolab.observe;

/**
 * Where a blocked thread of a student's server waits: the system call, as the C call it makes
 * ({@code accept}, {@code read}, with its descriptor), and, for a program built with debug
 * information ({@code -g}), the line of the program's own source that called it. Where the line
 * cannot be told, {@code note} says why, in one phrase ("built without -g", "Python: calls only").
 *
 * @param call     the system call's name, e.g. {@code accept}; null when the thread is in none
 * @param fd       its descriptor, or -1
 * @param file     the source file of the program's own code that made the call, or null
 * @param line     its line, or 0
 * @param function the function it is in, or null
 * @param note     why the line is not known; empty when it is
 */
public record WaitSite(String call, long fd, String file, int line, String function, String note) {

    /** A thread in no system call, or one this system does not say. */
    public static WaitSite unknown(String note) {
        return new WaitSite(null, -1, null, 0, null, note);
    }

    /** Whether the line of the program's own source is known. */
    public boolean hasLine() {
        return file != null && line > 0;
    }

    /** The call as C writes it: {@code accept(3)}, {@code futex(…)}, or null. */
    public String callText() {
        return call == null ? null : call + "(" + (fd >= 0 ? Long.toString(fd) : "") + ")";
    }

    /** The file's own name, without its folders. */
    public String fileName() {
        if (file == null) {
            return null;
        }
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    /** What the call waits for, in the lab's words, where its name does not say it; empty otherwise. */
    public String meaning() {
        if (call == null) {
            return "";
        }
        return switch (call) {
            case "futex" -> "waiting on a lock, semaphore or condition";
            case "wait4", "waitid" -> "waiting for a child";
            case "select", "pselect6", "poll", "ppoll", "epoll_wait", "epoll_pwait", "epoll_pwait2" ->
                    "waiting for a connection to be ready";
            default -> "";
        };
    }

    /**
     * One phrase: "accept(3) at server.c:42 (main)", "futex(), waiting on a lock, semaphore or
     * condition, at pool.c:44 (P)", "read(5); line unknown: built without -g".
     */
    public String describe() {
        String what = call == null ? "in no system call" : callText() + (meaning().isEmpty() ? "" : ", " + meaning() + ",");
        if (hasLine()) {
            return what + " at " + fileName() + ":" + line + (function == null ? "" : " (" + function + ")");
        }
        if (what.endsWith(",")) {
            what = what.substring(0, what.length() - 1);
        }
        return what + (note.isEmpty() ? "" : "; line unknown: " + note);
    }
}
