package echolab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import echolab.base.LabThreads;
import echolab.clients.Framing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code client HOST PORT}: a small {@code nc} for students whose machine has none. Interactive, it
 * sends every line typed (stdin) and prints what comes back (stdout), byte for byte; with
 * {@code --burst N} it connects N clients at once, each sends one message, and it reports which
 * echoes came back and when.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Connects to an echo server: lines from stdin are sent, what comes back is printed"
                + " (like nc); with --burst N, N clients connect at once and it reports their echoes.")
public final class ClientCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "the server's host or address")
    private String host;

    @Parameters(index = "1", paramLabel = "PORT", description = "the server's port")
    private int port;

    @Option(names = "--burst", paramLabel = "N", description = "connect N clients at once (1 to 1000), each sends one message")
    private Integer burst;

    @Option(names = "--framing", defaultValue = "line", paramLabel = "F",
            description = "line (a message is a line, \\n) or blank-line (lines end in \\r\\n, an empty line ends a"
                    + " message: the lab's starter code); default: ${DEFAULT-VALUE}")
    private String framingName;

    @Option(names = "--timeout-s", defaultValue = "5", paramLabel = "N",
            description = "seconds to wait for an echo (--burst), or for the server after stdin ends; default: ${DEFAULT-VALUE}")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Framing framing;
        try {
            framing = Framing.parse(framingName);
        } catch (IllegalArgumentException e) {
            return usage("--framing: " + e.getMessage());
        }
        if (port < 1 || port > 65_535) {
            return usage("PORT must be 1 to 65535, not " + port);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            return usage("--timeout-s must be 1 to 3600, not " + timeoutSeconds);
        }
        if (burst != null && (burst < 1 || burst > 1000)) {
            return usage("--burst must be 1 to 1000, not " + burst);
        }
        InetSocketAddress server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            return usage("unknown host " + host);
        }
        return burst == null ? interactive(server, framing) : burst(server, framing, burst);
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("client: " + message);
        return 2;
    }

    private int failed(String message) {
        spec.commandLine().getErr().println("client: " + message);
        return 1;
    }

    /** Lines from stdin to the server, the server's bytes to stdout, until stdin ends and the server is done. */
    private int interactive(InetSocketAddress server, Framing framing) throws InterruptedException {
        Socket socket = new Socket();
        try {
            socket.connect(server, (int) TimeUnit.SECONDS.toMillis(timeoutSeconds));
        } catch (IOException e) {
            return failed("cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")");
        }
        try (socket) {
            Thread printer = LabThreads.startDaemon("echolab-client-printer", () -> copy(socket));
            String eol = framing == Framing.BLANK_LINE ? "\r\n" : "\n";
            OutputStream out = socket.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write((line + eol).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                socket.shutdownOutput(); // like nc -N: the server sees the end, echoes the rest and closes
            } catch (IOException e) {
                return failed("the connection to " + host + ":" + port + " broke (" + e.getMessage() + ")");
            }
            printer.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
            return 0;
        } catch (IOException e) {
            return failed(e.getMessage());
        }
    }

    /** Copies the server's bytes to stdout as they come, until it closes. */
    private static void copy(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                System.out.write(buf, 0, n);
                System.out.flush();
            }
        } catch (IOException e) {
            // closed: nothing more to print
        }
    }

    /** N clients connect at once; each sends one message and waits for it back. */
    private int burst(InetSocketAddress server, Framing framing, int n) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<BurstClient> clients = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            clients.add(new BurstClient(i, n, server, framing, timeoutSeconds));
        }
        long start = System.nanoTime();
        clients.forEach(BurstClient::start);
        for (BurstClient c : clients) {
            c.thread.join();
        }
        int echoed = 0;
        long last = 0;
        for (BurstClient c : clients) {
            if (c.problem == null) {
                echoed++;
                last = Math.max(last, c.echoedAt - start);
            } else {
                out.println("client-" + c.number + ": " + c.problem);
            }
        }
        out.printf(Locale.ROOT, "%d of %d clients echoed%s%n", echoed, n,
                echoed == 0 ? "" : String.format(Locale.ROOT, ", the last %.1f ms after they all started", last / 1e6));
        out.flush();
        return echoed == n ? 0 : 1;
    }

    /** One client of a burst: connects, sends its message, reads the echo, compares it. */
    private static final class BurstClient {
        final int number;
        final Thread thread;
        volatile String problem = "did not run";
        volatile long echoedAt;

        BurstClient(int number, int of, InetSocketAddress server, Framing framing, int timeoutSeconds) {
            this.number = number;
            byte[] message = framing.frame(("burst client " + number + " of " + of).getBytes(StandardCharsets.UTF_8));
            this.thread = LabThreads.daemon("echolab-burst-" + number, () -> run(server, message, timeoutSeconds));
        }

        void start() {
            thread.start();
        }

        private void run(InetSocketAddress server, byte[] message, int timeoutSeconds) {
            try (Socket s = new Socket()) {
                s.connect(server, (int) TimeUnit.SECONDS.toMillis(timeoutSeconds));
                s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(timeoutSeconds));
                s.getOutputStream().write(message);
                byte[] back = s.getInputStream().readNBytes(message.length);
                if (back.length < message.length) {
                    problem = "the server closed after " + back.length + " of " + message.length + " bytes";
                } else if (!java.util.Arrays.equals(back, message)) {
                    problem = "the echo differs from what was sent";
                } else {
                    echoedAt = System.nanoTime();
                    problem = null;
                }
            } catch (SocketTimeoutException e) {
                problem = "no echo within " + timeoutSeconds + " s";
            } catch (UnknownHostException e) {
                problem = "unknown host";
            } catch (IOException e) {
                problem = "connection failed (" + e.getMessage() + ")";
            }
        }
    }
}
