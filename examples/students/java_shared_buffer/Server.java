import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * java_shared_buffer - a thread per client, with ONE MISTAKE.
 *
 * THE MISTAKE: the buffer is a static field, so all the client threads read into the same byte[]
 * and write back from it. Between one thread's read() and its write(), another thread's read() can
 * fill the buffer with its own client's bytes (the "processing" pause below makes that window as
 * wide as a real server's work would).
 * WHAT IT CAUSES: with one client at a time it works; when clients send at the same moment, a
 * client gets bytes another client sent, and its own are lost or go to someone else.
 * THE FIX: make the buffer local to serve() (byte[] buf = new byte[8192]; inside it): one per thread.
 *
 * Build: javac -d OUT Server.java     Run: java -cp OUT Server PORT      Framing: any ("\n" here).
 */
public class Server {

    private static final byte[] BUF = new byte[8192]; // BUG: one buffer for every thread

    static void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(BUF)) != -1) {
                process(n);
                out.write(BUF, 0, n);
            }
        } catch (IOException e) {
            // the client vanished
        }
    }

    /** Stands for the work a real server does with a message (parse it, log it, ...). */
    private static void process(int n) {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket listener = new ServerSocket(port, 1024)) {
            System.out.println("listening on port " + port);
            while (true) {
                Socket client = listener.accept();
                new Thread(() -> serve(client)).start();
            }
        }
    }
}
