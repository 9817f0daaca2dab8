package dev.ticketsync.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopLaunchTest {

    private static final Path JAR = Path.of("/p/desktop-app/target/ticketsync-desktop.jar");
    private static final Path MONOCLE = Path.of("/p/bench/target/lib/openjfx-monocle-17.0.10.jar");
    private static final Path DATA = Path.of("/tmp/run/desktop");

    @Test
    void without_a_display_the_app_runs_on_monocle_beside_its_own_jar() {
        List<String> command =
                DesktopLaunch.desktopCommand(JAR, MONOCLE, false, List.of(), "http://127.0.0.1:4567", "bob", DATA);

        assertThat(command.get(0)).endsWith(File.separator + "java");
        assertThat(command).containsAll(DesktopLaunch.headlessFlags());
        assertThat(command).contains("-Dglass.platform=Monocle", "-Dticketsync.exitWhenListShown=true");
        assertThat(command)
                .containsSubsequence("-cp", JAR + File.pathSeparator + MONOCLE, "dev.ticketsync.desktop.DesktopMain");
        assertThat(command)
                .endsWith("--server", "http://127.0.0.1:4567", "--user", "bob", "--data-dir", DATA.toString());
    }

    @Test
    void with_a_display_the_app_starts_as_users_start_it() {
        List<String> command = DesktopLaunch.desktopCommand(JAR, null, true, List.of(), "http://h:1", "bob", DATA);

        assertThat(command).doesNotContain("-Dglass.platform=Monocle");
        assertThat(command).containsSubsequence("-jar", JAR.toString(), "--server");
    }

    @Test
    void extra_jvm_options_come_from_the_environment_before_the_main_class() {
        List<String> extra = DesktopLaunch.extraOptions(
                Map.of(DesktopLaunch.EXTRA_OPTIONS_ENV, " -XX:StartFlightRecording=filename=/tmp/app.jfr  -Xmx512m "));
        List<String> command = DesktopLaunch.desktopCommand(JAR, MONOCLE, false, extra, "http://h:1", "bob", DATA);

        assertThat(extra).containsExactly("-XX:StartFlightRecording=filename=/tmp/app.jfr", "-Xmx512m");
        assertThat(command).containsSubsequence("-Xmx512m", "-cp");
        assertThat(DesktopLaunch.extraOptions(Map.of())).isEmpty();
    }

    @Test
    void a_display_is_a_non_blank_DISPLAY() {
        assertThat(DesktopLaunch.hasDisplay(Map.of("DISPLAY", ":99"))).isTrue();
        assertThat(DesktopLaunch.hasDisplay(Map.of("DISPLAY", " "))).isFalse();
        assertThat(DesktopLaunch.hasDisplay(Map.of())).isFalse();
    }

    @Test
    void the_desktop_jar_is_found_from_the_bench_jar_or_the_working_directory(@TempDir Path root) throws Exception {
        Path jar = root.resolve("desktop-app/target/ticketsync-desktop.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Path benchJar = root.resolve("bench/target/ticketsync-bench.jar");
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));

        assertThat(DesktopLaunch.desktopJar(null, elsewhere, benchJar)).contains(jar);
        assertThat(DesktopLaunch.desktopJar(null, root, Path.of("/nowhere/x.jar")))
                .contains(jar);
        assertThat(DesktopLaunch.desktopJar(null, Path.of("/nowhere"), Path.of("/nowhere/bench/x.jar")))
                .isEmpty();
        assertThat(DesktopLaunch.desktopJar(root.resolve("missing.jar"), root, benchJar))
                .isEmpty();
    }

    @Test
    void the_monocle_jar_is_the_one_on_the_class_path() {
        assertThat(DesktopLaunch.monocleJar())
                .hasValueSatisfying(
                        path -> assertThat(path.getFileName().toString()).startsWith("openjfx-monocle"));
    }
}
