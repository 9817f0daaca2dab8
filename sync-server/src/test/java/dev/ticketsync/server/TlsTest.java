package dev.ticketsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.server.config.ServerConfig;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** With --tls-keystore the server speaks HTTPS with that certificate, and plain HTTP is not served. */
class TlsTest {

    @Test
    void the_server_serves_https_with_the_configured_keystore() throws Exception {
        Path dir = Files.createTempDirectory("ticketsync-tls");
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "ticketsync",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        ServerConfig config = ServerConfig.builder()
                .port(0)
                .bind("127.0.0.1")
                .dataDir(dir.resolve("data"))
                .adminPassword(TestServer.PASSWORD)
                .tlsKeystore(keystore)
                .tlsKeystorePassword("changeit")
                .build();
        try (ServerApp app = ServerApp.create(config, Clock.systemUTC()).start()) {
            assertThat(app.baseUrl()).startsWith("https://");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(keystore.toFile())) {
                trusted.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"protocolVersion\"");
        }
    }
}
