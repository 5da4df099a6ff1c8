import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * java_virtual - a virtual thread per client (JDK 21 or newer).
 *
 * Each client gets a virtual thread: cheap, written like thread-per-client blocking code. While a
 * virtual thread waits in read() the JVM takes it off its carrier, an OS thread of a small pool
 * (about one per core), which then runs another one.
 * The total is guarded by a ReentrantLock, not synchronized: before JDK 24 a virtual thread that
 * blocks inside synchronized pins its carrier (println can block on a full pipe).
 *
 * Build: javac -d OUT Server.java (a JDK 21+)     Run: java -cp OUT Server PORT
 * Framing: any ("\n" lines here): every byte read is written back at once.
 */
public class Server {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long total;

    private static void count(int n) {
        LOCK.lock();
        try {
            total += n;
            System.out.println("echoed " + total + " bytes");
        } finally {
            LOCK.unlock();
        }
    }

    static void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                count(n);
            }
        } catch (IOException e) {
            // the client vanished: the socket is closed by try-with-resources
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket listener = new ServerSocket(port, 1024);
             ExecutorService perClient = Executors.newVirtualThreadPerTaskExecutor()) {
            System.out.println("listening on port " + port);
            while (true) {
                Socket client = listener.accept();
                perClient.submit(() -> serve(client));
            }
        }
    }
}
