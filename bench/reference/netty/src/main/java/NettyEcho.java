import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.Version;

/**
 * Reference server of bench/anchors.sh: a Netty 4 echo on the NIO transport. Every buffer that
 * comes in is written straight back, and the writes are flushed once per batch of reads (on
 * read-complete): a raw byte echo, which echoes lines too. One event loop accepts; the
 * connections share Netty's default number of event loops (twice the cores).
 *
 * <p>usage: {@code java -cp 'target/classes:target/lib/*' NettyEcho PORT} (listens on 127.0.0.1
 * only; SIGTERM ends it)
 */
public final class NettyEcho {

    private NettyEcho() {
    }

    /** Stateless, so one instance serves every connection. */
    @ChannelHandler.Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);             // the buffer goes back as it is, released once written
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();                // a client that left: drop it, say nothing
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: NettyEcho PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        try {
            Channel ch = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new Echo())
                    .bind("127.0.0.1", port).sync().channel();
            System.err.println("NettyEcho listening on 127.0.0.1:" + port + " transport=nio netty="
                    + Version.identify().get("netty-transport").artifactVersion()
                    + " java=" + System.getProperty("java.version"));
            ch.closeFuture().sync();
        } finally {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }
}
