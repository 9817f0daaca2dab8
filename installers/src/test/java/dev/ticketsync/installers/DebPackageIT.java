package dev.ticketsync.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The .deb packages (built with {@code -Pdeb}, as CI does), read with {@code dpkg-deb}: what an admin's
 * {@code apt install ./ticketsync-server_*.deb} would put where. Installing them would change the machine the build
 * runs on, so the tests read the packages instead.
 */
@EnabledIfSystemProperty(named = "installers.deb", matches = "true")
class DebPackageIT {

    private final Path debs = Path.of(System.getProperty("installers.debs"));

    @Test
    void the_server_package_installs_the_launcher_and_a_systemd_unit() throws Exception {
        Path deb = only("ticketsync-server_");
        assertThat(contents(deb))
                .anyMatch(line -> line.endsWith("./opt/ticketsync-server/bin/ticketsync-server"))
                .anyMatch(line -> line.endsWith("./opt/ticketsync-server/lib/app/ticketsync-server.service"))
                .anyMatch(line -> line.endsWith("./opt/ticketsync-server/lib/app/server.properties"));

        String postinst = dpkg("-I", deb.toString(), "postinst");
        assertThat(postinst)
                .as("the unit and the default config come from the installed app, the data has its own user")
                .contains("/opt/ticketsync-server/lib/app/ticketsync-server.service /lib/systemd/system/")
                .contains("/opt/ticketsync-server/lib/app/server.properties /etc/ticketsync/server.properties")
                .contains("adduser --system")
                .contains("systemctl enable ticketsync-server.service");
        assertThat(dpkg("-I", deb.toString(), "postrm")).contains("purge)");

        String unit = new String(
                Files.readAllBytes(Path.of("src/deb/server/ticketsync-server.service")), StandardCharsets.UTF_8);
        assertThat(unit)
                .contains("ExecStart=/opt/ticketsync-server/bin/ticketsync-server")
                .contains("Environment=TICKETSYNC_CONFIG=/etc/ticketsync/server.properties")
                .contains("User=ticketsync");
    }

    @Test
    void the_desktop_package_installs_the_launcher_and_a_menu_entry() throws Exception {
        Path deb = only("ticketsync-desktop_");
        assertThat(contents(deb))
                .anyMatch(line -> line.endsWith("./opt/ticketsync-desktop/bin/ticketsync-desktop"))
                .anyMatch(line -> line.endsWith(".desktop"));
        assertThat(dpkg("-f", deb.toString(), "Package")).isEqualTo("ticketsync-desktop");
    }

    private Path only(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(debs)) {
            List<Path> matching = files.filter(
                            file -> file.getFileName().toString().startsWith(prefix))
                    .filter(file -> file.toString().endsWith(".deb"))
                    .toList();
            assertThat(matching).as("one %s*.deb in %s", prefix, debs).hasSize(1);
            return matching.get(0);
        }
    }

    private static List<String> contents(Path deb) throws IOException, InterruptedException {
        return dpkg("-c", deb.toString()).lines().toList();
    }

    private static String dpkg(String... args) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of("dpkg-deb"), Stream.of(args)).toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.strip();
    }
}
