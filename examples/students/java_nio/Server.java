import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * java_nio - a single-threaded event loop on a java.nio Selector.
 *
 * One thread waits in select() for any channel that is ready: the listening channel (a client is
 * waiting: accept it) or a client (bytes arrived, or room to write). Every channel is
 * non-blocking. Each client has its own buffer, attached to its key: what was read and not yet
 * written back. While a client has bytes pending we wait for OP_WRITE instead of OP_READ, so a
 * client that sends without reading cannot make us buffer without end.
 * The total needs no lock: only this one thread touches it.
 *
 * Build: javac -d OUT Server.java     Run: java -cp OUT Server PORT
 * Framing: any ("\n" lines here): every byte read is written back.
 */
public class Server {

    private static long total;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Selector selector = Selector.open();
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(port), 1024); // all addresses; backlog 1024
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("listening on port " + port);

        while (true) {
            selector.select();
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove(); // or it stays "selected" and comes back next time
                try {
                    if (key.isAcceptable()) {
                        SocketChannel client;
                        while ((client = listener.accept()) != null) { // every waiting client
                            client.configureBlocking(false);
                            client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(65536));
                        }
                    } else if (key.isReadable()) {
                        read(key);
                    } else if (key.isWritable()) {
                        write(key);
                    }
                } catch (IOException e) {
                    close(key); // the client vanished (reset)
                }
            }
        }
    }

    /** Bytes arrived: take them, then try to send them back. */
    private static void read(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buf = (ByteBuffer) key.attachment(); // in "fill" mode here
        int n = client.read(buf);
        if (n == -1) { // the client closed its end (nothing is pending: we only read when none is)
            close(key);
            return;
        }
        buf.flip(); // now "drain" mode: from 0 to what was read
        write(key);
    }

    /** Send what is pending; what the socket does not take now waits for OP_WRITE. */
    private static void write(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buf = (ByteBuffer) key.attachment();
        int sent = client.write(buf);
        if (sent > 0) {
            total += sent;
            System.out.println("echoed " + total + " bytes");
        }
        if (buf.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
        } else {
            buf.clear(); // all sent: back to "fill" mode, read again
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a dead channel: nothing more to do
        }
    }
}
