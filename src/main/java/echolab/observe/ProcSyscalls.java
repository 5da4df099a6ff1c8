package echolab.observe;

/** System call numbers of this architecture, in the lab's words, and the kernel function names likewise. */
final class ProcSyscalls {
    private final WaitKind[] kinds;

    private ProcSyscalls(WaitKind[] kinds) {
        this.kinds = kinds;
    }

    static ProcSyscalls forArch(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> new ProcSyscalls(table(
                    0, WaitKind.READ, 1, WaitKind.WRITE, 19, WaitKind.READ, 20, WaitKind.WRITE,
                    7, WaitKind.POLL, 23, WaitKind.POLL, 270, WaitKind.POLL, 271, WaitKind.POLL,
                    232, WaitKind.POLL, 281, WaitKind.POLL, 441, WaitKind.POLL,
                    43, WaitKind.ACCEPT, 288, WaitKind.ACCEPT,
                    45, WaitKind.READ, 47, WaitKind.READ, 44, WaitKind.WRITE, 46, WaitKind.WRITE,
                    202, WaitKind.FUTEX,
                    35, WaitKind.SLEEP, 230, WaitKind.SLEEP, 34, WaitKind.SLEEP,
                    61, WaitKind.WAIT_CHILD, 247, WaitKind.WAIT_CHILD));
            // riscv64 uses the same generic table as aarch64
            case "aarch64", "arm64", "riscv64" -> new ProcSyscalls(table(
                    63, WaitKind.READ, 64, WaitKind.WRITE, 65, WaitKind.READ, 66, WaitKind.WRITE,
                    73, WaitKind.POLL, 72, WaitKind.POLL, 22, WaitKind.POLL, 441, WaitKind.POLL,
                    202, WaitKind.ACCEPT, 242, WaitKind.ACCEPT,
                    207, WaitKind.READ, 212, WaitKind.READ, 206, WaitKind.WRITE, 211, WaitKind.WRITE,
                    98, WaitKind.FUTEX,
                    101, WaitKind.SLEEP, 115, WaitKind.SLEEP,
                    260, WaitKind.WAIT_CHILD, 95, WaitKind.WAIT_CHILD));
            default -> new ProcSyscalls(new WaitKind[0]);
        };
    }

    private static WaitKind[] table(Object... pairs) {
        WaitKind[] kinds = new WaitKind[512];
        for (int i = 0; i < pairs.length; i += 2) {
            kinds[(Integer) pairs[i]] = (WaitKind) pairs[i + 1];
        }
        return kinds;
    }

    /** Whether the numbers of this architecture are known; elsewhere only wchan says anything. */
    boolean known() {
        return kinds.length > 0;
    }

    WaitKind kind(int nr) {
        WaitKind k = nr < kinds.length ? kinds[nr] : null;
        return k == null ? WaitKind.OTHER : k;
    }

    /** Whether the first argument says something: the descriptor, or the futex's address. */
    static boolean hasArgument(WaitKind kind) {
        return switch (kind) {
            case ACCEPT, READ, WRITE, FUTEX -> true;
            default -> false;
        };
    }

    /** What a kernel function named by {@code wchan} waits for. */
    static WaitKind fromWchan(String function) {
        if (function.isEmpty() || function.equals("0")) {
            return WaitKind.UNKNOWN; // the kernel does not say
        }
        if (function.startsWith("futex")) {
            return WaitKind.FUTEX;
        }
        return switch (function) {
            case "inet_csk_accept" -> WaitKind.ACCEPT;
            case "wait_woken", "sk_wait_data" -> WaitKind.READ;
            case "do_select", "do_sys_poll", "ep_poll", "do_epoll_wait" -> WaitKind.POLL;
            case "hrtimer_nanosleep", "do_nanosleep" -> WaitKind.SLEEP;
            case "do_wait" -> WaitKind.WAIT_CHILD;
            default -> WaitKind.OTHER;
        };
    }
}
