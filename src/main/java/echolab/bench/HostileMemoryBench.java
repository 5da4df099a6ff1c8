package echolab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import echolab.base.LabThreads;
import echolab.engine.Mode;

/**
 * How much memory the server takes under hostile clients, per mode: it starts {@code serve} in
 * its own JVM, reads its resident memory (and its children's) 20 times a second from /proc, and
 * prints the idle figure and the peak under each load. Linux only.
 * <ul>
 * <li><b>pipeliners</b>: 8 clients each write 64 KiB lines as fast as they can and never read an echo;</li>
 * <li><b>short lines</b>: 8 clients each pipeline 2-byte lines as fast as they can, reading the echoes.</li>
 * </ul>
 *
 * <pre>java -cp target/echolab.jar echolab.bench.HostileMemoryBench [--seconds N] [MODE...]</pre>
 */
public final class HostileMemoryBench {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) .*");
    private static final int CLIENTS = 8;

    private HostileMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 4;
        List<Mode> modes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds") && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                modes.add(Mode.parse(args[i]));
            }
        }
        if (modes.isEmpty()) {
            modes.addAll(Arrays.asList(Mode.values()));
        }
        System.out.printf(Locale.ROOT, "%d clients each; %d s per load; resident memory of the server and its children, MB%n",
                CLIENTS, seconds);
        System.out.printf(Locale.ROOT, "%-10s %8s %12s %12s%n", "mode", "idle", "pipeliners", "short lines");
        for (Mode mode : modes) {
            if (mode.unavailableReason().isPresent()) {
                System.out.printf(Locale.ROOT, "%-10s skipped: %s%n", mode.id(), mode.unavailableReason().get());
                continue;
            }
            measure(mode, seconds);
        }
    }

    private static void measure(Mode mode, int seconds) throws Exception {
        // the server as a user starts it: the same java, the JVM's default heap, this class path
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "echolab.Main"));
        command.addAll(List.of("serve", "--port", "0", "--mode", mode.id(), "--no-events", "--max-line", "131072",
                "--max-connections", "64"));
        // serve says where it listens on stderr (its stdout is JSON lines only, unread here)
        Process serve = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
            Matcher m = LISTENING.matcher(String.valueOf(err.readLine()));
            if (!m.matches()) {
                throw new IOException("serve did not say where it listens");
            }
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
            Thread.sleep(500);
            double idle = residentMb(serve.pid());
            double pipeliners = peakUnder(serve.pid(), seconds, () -> pipeliners(address));
            double shortLines = peakUnder(serve.pid(), seconds, () -> shortLines(address));
            System.out.printf(Locale.ROOT, "%-10s %8.0f %12.0f %12.0f%n", mode.id(), idle, pipeliners, shortLines);
            serve.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            serve.getOutputStream().flush();
            serve.waitFor(20, TimeUnit.SECONDS);
        } finally {
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A load: its clients, started; closing them ends it. */
    private interface Load {
        List<Socket> start() throws IOException;
    }

    private static double peakUnder(long pid, int seconds, Load load) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Socket> sockets = load.start();
        double peak = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            peak = Math.max(peak, residentMb(pid));
            Thread.sleep(50);
        }
        stop.set(true);
        for (Socket s : sockets) {
            s.close();
        }
        Thread.sleep(1_000); // the server lets go of them before the next load
        return peak;
    }

    private static List<Socket> pipeliners(InetSocketAddress address) throws IOException {
        byte[] line = new byte[64 * 1024];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        return clients(address, s -> {
            OutputStream o = s.getOutputStream();
            while (true) {
                o.write(line);
            }
        });
    }

    private static List<Socket> shortLines(InetSocketAddress address) throws IOException {
        byte[] lines = new byte[64 * 1024];
        for (int i = 0; i < lines.length; i += 2) {
            lines[i] = 'x';
            lines[i + 1] = '\n';
        }
        return clients(address, s -> {
            InputStream in = s.getInputStream();
            LabThreads.startDaemon("echolab-bench-reader", () -> {
                byte[] sink = new byte[64 * 1024];
                try {
                    while (in.read(sink) >= 0) {
                        // the echoes are read and dropped
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            OutputStream o = s.getOutputStream();
            while (true) {
                o.write(lines);
            }
        });
    }

    private interface Talk {
        void run(Socket s) throws IOException;
    }

    private static List<Socket> clients(InetSocketAddress address, Talk talk) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(4096);
            s.connect(address);
            sockets.add(s);
            LabThreads.startDaemon("echolab-bench-client-" + i, () -> {
                try {
                    talk.run(s);
                } catch (IOException ignored) {
                    // closed at the end of the load, or turned away
                }
            });
        }
        return sockets;
    }

    /** Resident memory of {@code pid} and all its descendants, MB. */
    private static double residentMb(long pid) {
        long kb = residentKb(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            kb += residentKb(child.pid());
        }
        return kb / 1024.0;
    }

    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone meanwhile
        }
        return 0;
    }
}
