package dev.ticketsync.server.demo;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.TicketType;
import java.util.List;
import java.util.Random;

/** Word lists for demo tickets that read like a real helpdesk's. */
final class DemoData {

    private DemoData() {}

    record Topic(String subject, List<String> tags, TicketType type) {}

    static final List<Topic> TOPICS = List.of(
            new Topic("VPN", List.of("vpn", "network"), TicketType.INCIDENT),
            new Topic("Wi-Fi in building B", List.of("wifi", "network"), TicketType.INCIDENT),
            new Topic("Outlook", List.of("email"), TicketType.INCIDENT),
            new Topic("shared mailbox", List.of("email", "access"), TicketType.REQUEST),
            new Topic("SSO login", List.of("sso", "access"), TicketType.INCIDENT),
            new Topic("laptop", List.of("hardware"), TicketType.REQUEST),
            new Topic("printer on floor 3", List.of("printer", "hardware"), TicketType.INCIDENT),
            new Topic("payroll export", List.of("finance", "reporting"), TicketType.PROBLEM),
            new Topic("CRM dashboard", List.of("crm", "reporting"), TicketType.INCIDENT),
            new Topic("deployment pipeline", List.of("ci", "devops"), TicketType.PROBLEM),
            new Topic("staging database", List.of("database", "devops"), TicketType.INCIDENT),
            new Topic("new starter account", List.of("onboarding", "access"), TicketType.TASK),
            new Topic("MFA token", List.of("mfa", "access"), TicketType.REQUEST),
            new Topic("video conferencing", List.of("meetings"), TicketType.INCIDENT),
            new Topic("backup job", List.of("backup", "devops"), TicketType.PROBLEM),
            new Topic("phone extension", List.of("telephony"), TicketType.REQUEST));

    static final List<String> PROBLEMS = List.of(
            "drops every few minutes",
            "is very slow since this morning",
            "fails with an authentication error",
            "does not start after the update",
            "shows an empty page",
            "needs access for the new team",
            "times out for remote staff",
            "reports wrong totals",
            "asks for the password again and again",
            "stopped syncing overnight");

    static final List<String> DETAILS = List.of(
            "Several people in the sales team see it; restarting helps for a few minutes only.",
            "It started right after the 9:00 rollout. Screenshots are attached to the first comment.",
            "Affects everyone working from home; people in the office are fine.",
            "The error code is 0x80070005 and it happens on Windows and macOS alike.",
            "This blocks the month-end close, so finance would like an answer today.",
            "A workaround exists (use the web client), but it is slow for daily work.",
            "Happens only with the docking station; on Wi-Fi alone it works.");

    static final List<String> COMMENTS = List.of(
            "I can reproduce this on my machine as well.",
            "Collected the logs and attached them; looks like a certificate issue.",
            "Asked the user to try the web client in the meantime.",
            "Vendor ticket opened, reference VX-2281.",
            "Rolled back the client to the previous version on two laptops: problem gone there.",
            "User confirms the workaround helps, but they need a real fix.",
            "Checked the monitoring: errors spike every 10 minutes, matching the report.",
            "Escalating to the network team, they own the gateway.",
            "Still happening after the restart this morning.",
            "Fix deployed to the pilot group; waiting for feedback.");

    static final List<String> RESOLUTIONS = List.of(
            "Rolled back the faulty client update and pinned the previous version.",
            "Renewed the expired certificate on the gateway.",
            "Granted access and confirmed with the user.",
            "Replaced the hardware; user confirmed it works.",
            "Fixed the report query; totals match the ledger again.");

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static Priority priority(Random random) {
        int roll = random.nextInt(100);
        return roll < 5 ? Priority.P1 : roll < 25 ? Priority.P2 : roll < 80 ? Priority.P3 : Priority.P4;
    }
}
