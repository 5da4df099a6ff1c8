package echolab.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OSThread;
import oshi.software.os.OperatingSystem;

/**
 * Reads an observed server's process tree through OSHI, where there is no {@code /proc}: processes,
 * memory, CPU and threads, but not what the threads wait in, nor their sockets.
 *
 * <p>Finding descendants means listing every process on the system, so it does that at most once a
 * second and otherwise re-reads the processes it knows: a new child shows within a second.
 */
final class OshiTreeReader implements TreeReader {

    private static final long DISCOVERY_NANOS = 1_000_000_000L;

    private final PlatformEnum platform = SystemInfo.getCurrentPlatform();
    private OperatingSystem os;
    private long knownRoot = -1;
    private List<Integer> known = List.of();
    private long discoveredNanos;

    @Override
    public TreeSnapshot read(long rootPid) {
        long nanos = System.nanoTime();
        try {
            if (os == null) {
                os = new SystemInfo().getOperatingSystem();
            }
            OSProcess root = os.getProcess((int) rootPid);
            if (root == null || root.getState() == OSProcess.State.INVALID) {
                knownRoot = -1;
                return new TreeSnapshot(nanos, rootPid, List.of());
            }
            Map<Integer, List<OSProcess>> byParent = new HashMap<>();
            for (OSProcess p : descendants(rootPid, nanos)) {
                byParent.computeIfAbsent(p.getParentProcessID(), k -> new ArrayList<>()).add(p);
            }
            // OSHI lists descendants in no particular order: walk them breadth first, parents before children
            List<ProcessSnapshot> processes = new ArrayList<>();
            List<OSProcess> level = List.of(root);
            while (!level.isEmpty()) {
                List<OSProcess> next = new ArrayList<>();
                for (OSProcess p : level) {
                    if (p.getState() != OSProcess.State.INVALID) {
                        processes.add(snapshot(p));
                    }
                    next.addAll(byParent.getOrDefault(p.getProcessID(), List.of()));
                }
                level = next;
            }
            return new TreeSnapshot(nanos, rootPid, processes);
        } catch (RuntimeException | LinkageError e) {
            // a process that ended while OSHI read it, or no native support here: nothing this time
            return new TreeSnapshot(nanos, rootPid, List.of());
        }
    }

    /** Every descendant, found afresh at most once a second; in between, the known ones that are still there. */
    private List<OSProcess> descendants(long rootPid, long nanos) {
        if (knownRoot != rootPid || nanos - discoveredNanos > DISCOVERY_NANOS) {
            List<OSProcess> found = os.getDescendantProcesses((int) rootPid, null, null, 0);
            known = found.stream().map(OSProcess::getProcessID).toList();
            knownRoot = rootPid;
            discoveredNanos = nanos;
            return found;
        }
        List<OSProcess> found = new ArrayList<>(known.size());
        for (int pid : known) {
            OSProcess p = os.getProcess(pid);
            if (p != null) {
                found.add(p);
            }
        }
        return found;
    }

    @Override
    public Capabilities capabilities() {
        // OSHI names threads on Linux and FreeBSD only (Windows gives counter instances, macOS nothing);
        // it never says what a thread waits in, nor which sockets a process holds; Windows has no zombies
        boolean names = platform == PlatformEnum.LINUX || platform == PlatformEnum.FREEBSD;
        boolean descriptors = platform == PlatformEnum.LINUX || platform == PlatformEnum.MACOS
                || platform == PlatformEnum.WINDOWS;
        boolean zombies = platform != PlatformEnum.WINDOWS;
        return new Capabilities(names, false, descriptors, false, zombies);
    }

    private ProcessSnapshot snapshot(OSProcess p) {
        char state = state(p.getState());
        List<ThreadSnapshot> threads = new ArrayList<>();
        if (state != 'Z') {
            for (OSThread t : p.getThreadDetails()) {
                threads.add(new ThreadSnapshot(t.getThreadId(), t.getName(), state(t.getState()), WaitKind.UNKNOWN,
                        -1, (t.getKernelTime() + t.getUserTime()) * 1_000_000L));
            }
            // on Linux OSHI leaves out the first thread (its TID is the PID): put it back, with what is known of it
            if (platform == PlatformEnum.LINUX && threads.stream().noneMatch(t -> t.tid() == p.getProcessID())) {
                threads.add(0, new ThreadSnapshot(p.getProcessID(), p.getName(), state, WaitKind.UNKNOWN, -1, -1));
            }
        }
        String command = p.getCommandLine();
        if (command == null || command.isBlank()) {
            command = p.getName();
        }
        long openFiles = p.getOpenFiles();
        return new ProcessSnapshot(p.getProcessID(), p.getParentProcessID(), command.replace('\0', ' ').trim(),
                state, p.getResidentSetSize(), (p.getKernelTime() + p.getUserTime()) * 1_000_000L,
                openFiles < 0 ? -1 : (int) Math.min(openFiles, Integer.MAX_VALUE), threads, List.of());
    }

    /** OSHI's state in the kernel's one-letter words. */
    private static char state(OSProcess.State state) {
        return switch (state) {
            case RUNNING -> 'R';
            case SLEEPING -> 'S';
            case WAITING -> 'D';
            case ZOMBIE -> 'Z';
            case STOPPED, SUSPENDED -> 'T';
            case NEW, OTHER, INVALID -> '?';
        };
    }
}
