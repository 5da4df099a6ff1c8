import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * java_fixed_pool - an echo server whose clients are served by a fixed pool of 8 threads.
 *
 * main accepts; each connection becomes a task for Executors.newFixedThreadPool(8). The pool
 * starts a thread for each of its first 8 tasks and keeps all 8 afterwards, waiting for the next
 * task; a ninth client at once waits in the pool's queue until a thread is free.
 * The total is shared by the 8 threads: it is added to and printed in one synchronized method.
 *
 * Build: javac -d OUT Server.java     Run: java -cp OUT Server PORT
 * Framing: any ("\n" lines here): every byte read is written back at once.
 */
public class Server {

    private static long total;

    /** Add and print under one lock: no lost update, and the totals come out in order. */
    private static synchronized void count(int n) {
        total += n;
        System.out.println("echoed " + total + " bytes");
    }

    static void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buf = new byte[8192]; // each task has its own buffer
            int n;
            while ((n = in.read(buf)) != -1) { // -1: the client closed its end
                out.write(buf, 0, n);          // write() sends all n bytes
                count(n);
            }
        } catch (IOException e) {
            // the client vanished (reset): nothing to do but close, which try-with-resources did
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ServerSocket listener = new ServerSocket(port, 1024)) { // all addresses; backlog 1024
            System.out.println("listening on port " + port); // System.out flushes on println
            while (true) {
                Socket client = listener.accept();
                pool.execute(() -> serve(client));
            }
        }
    }
}
