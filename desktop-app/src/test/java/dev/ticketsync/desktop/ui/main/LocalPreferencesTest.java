package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.domain.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local preferences of a profile, kept in the replica (so they survive a restart, never synced): saved views (named
 * queries, validated like any input) and the theme.
 */
class LocalPreferencesTest {

    @TempDir
    Path dir;

    @Test
    void a_saved_view_survives_reopening_the_replica_and_shows_its_query() throws Exception {
        try (Replica replica = open()) {
            MainViewModel model = new MainViewModel(replica, Scheduler.direct());
            model.queryProperty().set("status:open tag:vpn priority:p1,p2");

            assertThat(model.saveView("  VPN triage ")).isNull();
            assertThat(model.messageProperty().get()).isEqualTo("Saved view \"VPN triage\"");
        }
        try (Replica replica = open()) {
            MainViewModel model = new MainViewModel(replica, Scheduler.direct());
            assertThat(model.savedViews().list())
                    .containsExactly(new SavedView("VPN triage", "status:open tag:vpn priority:p1,p2"));

            model.show(model.savedViews().list().get(0));
            assertThat(model.queryProperty().get()).isEqualTo("status:open tag:vpn priority:p1,p2");
            model.savedViews().delete(model.savedViews().list().get(0));
        }
        try (Replica replica = open()) {
            assertThat(new MainViewModel(replica, Scheduler.direct())
                            .savedViews()
                            .list())
                    .isEmpty();
        }
    }

    @Test
    void saving_under_an_existing_name_replaces_that_view() throws Exception {
        try (Replica replica = open()) {
            MainViewModel model = new MainViewModel(replica, Scheduler.direct());
            model.queryProperty().set("tag:vpn");
            model.saveView("Mine");
            model.queryProperty().set("assignee:me");
            model.saveView("mine");

            assertThat(model.savedViews().list()).containsExactly(new SavedView("mine", "assignee:me"));
        }
    }

    @Test
    void a_view_without_a_name_or_with_a_broken_query_is_refused_naming_the_field() throws Exception {
        try (Replica replica = open()) {
            MainViewModel model = new MainViewModel(replica, Scheduler.direct());
            model.queryProperty().set("tag:vpn");
            assertThat(model.saveView("  ")).startsWith("name");

            model.queryProperty().set("priority:p9");
            assertThat(model.saveView("Broken")).startsWith("query");
            assertThat(model.savedViews().list()).isEmpty();
        }
    }

    @Test
    void the_dark_theme_choice_is_remembered_with_the_profile() throws Exception {
        try (Replica replica = open()) {
            MainViewModel model = new MainViewModel(replica, Scheduler.direct());
            assertThat(model.darkThemeProperty().get())
                    .as("light unless TICKETSYNC_THEME says dark")
                    .isFalse();
            model.darkThemeProperty().set(true);
        }
        try (Replica replica = open()) {
            assertThat(new MainViewModel(replica, Scheduler.direct())
                            .darkThemeProperty()
                            .get())
                    .isTrue();
        }
    }

    private Replica open() throws Exception {
        return Replica.open(dir, "http://127.0.0.1:1", "alice", Role.AGENT, Clock.systemUTC());
    }
}
