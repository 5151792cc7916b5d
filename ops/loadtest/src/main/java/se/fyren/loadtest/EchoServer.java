package se.fyren.loadtest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The floor every Fyren figure is compared with: a WebSocket server on Netty
 * that sends every text message straight back. It does no STOMP, no
 * routing and no storage, so the difference to it is what Fyren costs.
 * Runs in its own JVM, started by the harness:
 * {@code java -cp fyren-loadtest.jar se.fyren.loadtest.EchoServer PORT}.
 */
public final class EchoServer {

	private EchoServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = Integer.parseInt(args[0]);
		EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
		try {
			Channel server = new ServerBootstrap().group(boss, workers)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_BACKLOG, 4096)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {

					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline()
							.addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
									new WebSocketServerProtocolHandler("/ws", null, false, 65536), new Echo());
					}

				})
				.bind(port)
				.sync()
				.channel();
			System.out.println("Echo server listening on " + port);
			server.closeFuture().sync();
		}
		finally {
			boss.shutdownGracefully();
			workers.shutdownGracefully();
		}
	}

	private static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		@Override
		protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
			context.writeAndFlush(frame.retain());
		}

	}

}
