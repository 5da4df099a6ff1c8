import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * java_thread_per_client - a new thread for every client, which ends when its client leaves.
 *
 * The total is shared by the threads: it is added to and printed in one synchronized method.
 *
 * Build: javac -d OUT Server.java     Run: java -cp OUT Server PORT
 * Framing: any ("\n" lines here): every byte read is written back at once.
 */
public class Server {

    private static long total;

    private static synchronized void count(int n) {
        total += n;
        System.out.println("echoed " + total + " bytes");
    }

    static void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buf = new byte[8192]; // a local buffer: each thread has its own
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
        try (ServerSocket listener = new ServerSocket(port, 1024)) {
            System.out.println("listening on port " + port);
            while (true) {
                Socket client = listener.accept();
                new Thread(() -> serve(client), "client-handler").start();
            }
        }
    }
}
