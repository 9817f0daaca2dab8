package dev.ticketsync.bench.workload;

import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.WireName;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Text that reads like a helpdesk's: titles, descriptions of about 400 characters and comments of about 200, built from
 * sentence templates over a few hundred words, so full-text queries hit common, rare and absent words as in real data.
 */
final class HelpdeskText {

    record Topic(String subject, List<String> tags, TicketType type) {

        /** {@code "subject | tag tag | type"}: one line per topic keeps the table readable. */
        static Topic of(String line) {
            String[] parts = line.split("\\|");
            return new Topic(
                    parts[0].strip(),
                    List.of(parts[1].strip().split(" ")),
                    WireName.parse(TicketType.class, parts[2].strip()).orElseThrow());
        }
    }

    static final List<Topic> TOPICS = Stream.of(
                    "Remote access gateway | vpn network | incident",
                    "Guest Wi-Fi on the 2nd floor | wifi network | incident",
                    "Mail client | email | incident",
                    "Team inbox for customer care | email access | request",
                    "Single sign-on portal | sso access | incident",
                    "Replacement notebook | hardware | request",
                    "Label printer in the warehouse | printer hardware | incident",
                    "Month-end payroll file | finance reporting | problem",
                    "Sales forecast dashboard | crm reporting | incident",
                    "Build and release job | ci devops | problem",
                    "Test environment database | database devops | incident",
                    "Account for a new hire | onboarding access | task",
                    "Authenticator app enrolment | mfa access | request",
                    "Conference room screen sharing | meetings | incident",
                    "Nightly file server backup | backup devops | problem",
                    "Desk phone number change | telephony | request",
                    "Travel expense app | finance mobile | incident",
                    "Intranet search results | intranet | problem",
                    "USB-C dock at hot desks | hardware desk | request",
                    "TLS certificate for the shop | security devops | task")
            .map(Topic::of)
            .toList();

    static final List<String> EXTRA_TAGS =
            List.of("urgent", "vip", "remote", "regression", "customer", "q3-audit", "known-issue", "windows", "macos");

    static final List<String> PROBLEMS = List.of(
            "keeps disconnecting",
            "has been crawling since 8:00",
            "rejects valid credentials",
            "will not launch after patching",
            "loads a blank screen",
            "must be opened up for the audit team",
            "hangs for people working from home",
            "shows totals that do not add up",
            "prompts for a password in a loop",
            "has not synced since yesterday",
            "crashes on opening PDFs",
            "cannot be reached from the warehouse");

    private static final List<String> PLACES = List.of(
            "Berlin office",
            "Lisbon office",
            "warehouse",
            "sales floor",
            "call centre",
            "data centre",
            "home office",
            "reception",
            "lab 2",
            "board room");

    private static final List<String> TEAMS =
            List.of("sales", "finance", "support", "engineering", "marketing", "legal", "logistics", "HR");

    private static final List<String> ERRORS = List.of(
            "error 0x80070005",
            "HTTP 502 from the gateway",
            "a certificate warning",
            "a timeout after 30 seconds",
            "an empty response",
            "'access denied'",
            "a spinning wheel that never ends",
            "error E-4411");

    private static final List<String> TIMES = List.of(
            "since Monday",
            "right after the 9:00 rollout",
            "every afternoon around 15:00",
            "only during the nightly batch",
            "after the last patch day",
            "since the office move");

    private static final List<String> DESCRIPTION_SENTENCES = List.of(
            "Several people in the {team} team see {error} {time}.",
            "It happens in the {place} and on laptops at home alike.",
            "Restarting the machine helps for a few minutes only, then {error} comes back.",
            "The problem started {time}; nothing changed on the user side as far as they know.",
            "Screenshots and the client log are attached to the first comment.",
            "A workaround exists (the web client), but it is too slow for daily work in {team}.",
            "This blocks the month-end close, so the {team} lead would like an answer today.",
            "Only machines on the {place} network are affected; the guest network works fine.",
            "Colleagues in the {place} report the same thing with {error}.",
            "We tried clearing the cache and signing in again without success.",
            "The vendor status page shows no incident for today.",
            "Impact: about {number} people cannot work normally.");

    private static final List<String> COMMENT_SENTENCES = List.of(
            "I can reproduce this on my machine as well, with {error}.",
            "Collected the logs from the {place}; looks like a certificate issue.",
            "Asked the user to try the web client in the meantime.",
            "Vendor ticket opened, reference VX-{number}.",
            "Rolled back the client on two laptops: the problem is gone there.",
            "User confirms the workaround helps, but the {team} team needs a real fix.",
            "Escalated to the network group, waiting for their analysis.",
            "Could not reproduce it from the {place} today; will check again {time}.",
            "Patched the gateway config, please retest and report back.",
            "Scheduled a call with the {team} lead for tomorrow morning.");

    static final List<String> RESOLUTIONS = List.of(
            "Swapped the expired gateway certificate for a new one.",
            "Pushed the patched client to every notebook via the software centre.",
            "Added the user to the missing group; access verified together.",
            "Exchanged the broken dock, the user is working again.",
            "Fixed the column mapping of the export; the numbers reconcile now.");

    static final List<String> CANCEL_REASONS =
            List.of("Duplicate of an older ticket", "Raised by mistake", "No longer needed after the reorg");

    private HelpdeskText() {}

    static String title(Random random, Topic topic) {
        String title = topic.subject() + " " + pick(random, PROBLEMS);
        return random.nextInt(3) == 0 ? title + " (" + pick(random, PLACES) + ")" : title;
    }

    static String description(Random random) {
        return paragraph(random, DESCRIPTION_SENTENCES, 380);
    }

    static String comment(Random random) {
        return paragraph(random, COMMENT_SENTENCES, 180);
    }

    /** Sentences until at least {@code minChars}: lengths centre a little above it, as people write. */
    private static String paragraph(Random random, List<String> sentences, int minChars) {
        StringBuilder text = new StringBuilder();
        while (text.length() < minChars) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(fill(random, pick(random, sentences)));
        }
        return text.toString();
    }

    private static String fill(Random random, String template) {
        return template.replace("{team}", pick(random, TEAMS))
                .replace("{place}", pick(random, PLACES))
                .replace("{error}", pick(random, ERRORS))
                .replace("{time}", pick(random, TIMES))
                .replace("{number}", Integer.toString(2 + random.nextInt(4000)));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
