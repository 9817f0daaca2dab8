package dev.ticketsync.server;

import dev.ticketsync.server.config.ServerConfig;
import java.util.function.BiFunction;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS listener, used instead of plain HTTP when a keystore is configured (--tls-keystore). */
final class TlsConnector implements BiFunction<Server, HttpConfiguration, Connector> {

    private final ServerConfig config;

    TlsConnector(ServerConfig config) {
        this.config = config;
    }

    @Override
    public Connector apply(Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.tlsKeystorePassword());
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        return connector;
    }
}
