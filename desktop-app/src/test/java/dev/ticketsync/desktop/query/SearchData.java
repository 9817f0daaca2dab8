package dev.ticketsync.desktop.query;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.PullResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tickets and comments shaped like a busy help desk's (DESIGN.md §9's data shape: ~400-character descriptions,
 * ~200-character comments, three comments per ticket on average): a Zipf-distributed vocabulary of support words plus
 * host names, error codes and vendor references, so the term dictionary has a realistic long tail. Deterministic for
 * a seed.
 */
final class SearchData {

    static final List<String> USERS = List.of(
            "alice", "bob", "carol", "dana", "erik", "fatima", "gus", "hana", "ivan", "jo", "kim", "lars", "mia",
            "nils", "olga", "pia", "quinn", "rosa", "sven", "tara");
    static final List<String> TAGS = List.of(
            "vpn",
            "wifi",
            "printer",
            "email",
            "sso",
            "laptop",
            "phone",
            "backup",
            "database",
            "network",
            "storage",
            "access",
            "onboarding",
            "offboarding",
            "security",
            "license",
            "monitor",
            "payroll",
            "crm",
            "erp",
            "web",
            "dns",
            "firewall",
            "cloud",
            "mobile",
            "teams",
            "outlook",
            "sharepoint",
            "citrix",
            "linux");

    private static final String[] COMMON =
            ("the a to and of is in on for it not with after when since every user users cannot can login fails failed "
                            + "error errors vpn printer email server network password reset access account laptop screen "
                            + "slow timeout connection drops dropped update updated install installed restart restarted "
                            + "office floor building meeting room phone mobile app application browser page loads loading "
                            + "report reports export import file files folder share drive backup job nightly database "
                            + "query locked unlock permission denied certificate expired renew license missing new old "
                            + "please urgent asap customer manager team finance sales support help desk ticket issue problem "
                            + "works working broken again still today yesterday morning afternoon week since monday friday "
                            + "wifi signal weak router switch port cable dock monitor keyboard mouse headset camera audio "
                            + "teams outlook calendar invite sync synced mailbox quota full storage disk space cpu memory "
                            + "high usage alert alarm monitoring dashboard graph spike latency packet loss dns resolve host "
                            + "firewall rule blocked allowed proxy gateway cloud tenant admin role group policy sso token "
                            + "session expired mfa code sms authenticator enrolled device replaced ordered shipped vendor "
                            + "contract renewal invoice payroll totals wrong mismatch duplicate records missing rows")
                    .split(" ");

    private static final String[] SYLLABLES =
            "ka lo mi ne tor vex qui bran dul fen gor hap jis kel mur nop pra quo ris sel tam ulm vin wex yor zan"
                    .split(" ");

    private final Random random;
    private final String[] vocabulary;
    private final double[] cumulative;

    SearchData(long seed) {
        random = new Random(seed);
        List<String> words = new ArrayList<>(List.of(COMMON));
        Set<String> seen = new TreeSet<>(words);
        while (words.size() < 6000) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(word.toString())) {
                words.add(word.toString());
            }
        }
        vocabulary = words.toArray(String[]::new);
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.9);
            cumulative[i] = sum;
        }
    }

    /** A vocabulary word, common ones far more often (Zipf). */
    String word() {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return vocabulary[i >= 0 ? i : -i - 1];
    }

    /** A rare-ish vocabulary word (ranks past the common head). */
    String rareWord() {
        return vocabulary[COMMON.length + random.nextInt(vocabulary.length - COMMON.length)];
    }

    /** A host name, error code, address or vendor reference: each one nearly unique. */
    String identifier() {
        return switch (random.nextInt(5)) {
            case 0 -> "srv-" + (1000 + random.nextInt(9000));
            case 1 -> String.format("0x%08x", random.nextInt());
            case 2 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 3 -> "VX-" + (1000 + random.nextInt(90000));
            default -> USERS.get(random.nextInt(USERS.size())) + "@corp.example";
        };
    }

    /** Sentences of about {@code length} characters. */
    String text(int length) {
        StringBuilder text = new StringBuilder();
        boolean capital = true;
        while (text.length() < length) {
            String word = random.nextInt(14) == 0 ? identifier() : word();
            text.append(capital ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            capital = random.nextInt(9) == 0;
            text.append(capital ? ". " : random.nextInt(12) == 0 ? ", " : " ");
        }
        return text.toString().strip();
    }

    String title() {
        String text = text(30 + random.nextInt(30));
        return text.length() > 80 ? text.substring(0, 80).strip() : text;
    }

    record Generated(List<Ticket> tickets, List<Comment> comments) {}

    /** {@code count} tickets keyed OPS-1…, each with 0–6 comments (3 on average). */
    Generated generate(int count) {
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        List<Ticket> tickets = new ArrayList<>(count);
        List<Comment> comments = new ArrayList<>(count * 3);
        Status[] statuses = Status.values();
        for (int i = 0; i < count; i++) {
            Instant created = base.plusSeconds(random.nextInt(365 * 24 * 3600));
            Instant updated = created.plusSeconds(random.nextInt(30 * 24 * 3600));
            Set<String> tags = new TreeSet<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(TAGS.get(random.nextInt(TAGS.size())));
            }
            String reporter = USERS.get(random.nextInt(USERS.size()));
            Ticket ticket = Ticket.builder()
                    .id(randomId())
                    .key("OPS-" + (i + 1))
                    .title(title())
                    .description(random.nextInt(20) == 0 ? null : text(360 + random.nextInt(80)))
                    .status(statuses[random.nextInt(statuses.length)])
                    .priority(Priority.values()[random.nextInt(4)])
                    .type(TicketType.values()[random.nextInt(TicketType.values().length)])
                    .reporter(reporter)
                    .assignee(random.nextInt(4) == 0 ? null : USERS.get(random.nextInt(USERS.size())))
                    .tags(tags)
                    .createdAt(created)
                    .createdBy(reporter)
                    .updatedAt(updated)
                    .updatedBy(reporter)
                    .version(1)
                    .build();
            tickets.add(ticket);
            for (int c = random.nextInt(7); c > 0; c--) {
                comments.add(new Comment(
                        randomId(),
                        ticket.id(),
                        USERS.get(random.nextInt(USERS.size())),
                        text(170 + random.nextInt(60)),
                        random.nextInt(5) == 0 ? Visibility.INTERNAL : Visibility.PUBLIC,
                        CommentKind.COMMENT,
                        null,
                        updated.minusSeconds(random.nextInt(3600)),
                        null));
            }
        }
        return new Generated(tickets, comments);
    }

    /** A random version-7-shaped id (not time-ordered: the tickets' times are random too). */
    private UUID randomId() {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x7000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
    }

    /** Delivers the data to a replica the way the sync engine does: as pulled pages. */
    static void applyTo(Replica replica, Generated data, int pageSize) {
        var json = Json.strict();
        List<Change> changes =
                new ArrayList<>(data.tickets().size() + data.comments().size());
        long seq = 0;
        for (Ticket ticket : data.tickets()) {
            changes.add(new Change(++seq, EntityType.TICKET, ticket.id().toString(), json.valueToTree(ticket), null));
        }
        for (Comment comment : data.comments()) {
            changes.add(
                    new Change(++seq, EntityType.COMMENT, comment.id().toString(), json.valueToTree(comment), null));
        }
        for (int from = 0; from < changes.size(); from += pageSize) {
            int to = Math.min(changes.size(), from + pageSize);
            replica.applyPage(new PullResponse(
                    changes.subList(from, to), changes.get(to - 1).seq(), seq, to < changes.size(), 0));
        }
    }

    /** A query of one kind, for figures per kind. */
    record Query(String kind, String text) {}

    /**
     * {@code count} queries a person types into the list's bar: filters only, single free words (common, rare, a
     * prefix while typing, a key), quoted phrases taken from real text, and combinations of filters and words.
     */
    List<Query> queries(int count, Generated data) {
        List<Query> queries = new ArrayList<>();
        String[] filters = {
            "status:open",
            "status:open assignee:me",
            "assignee:none",
            "is:unassigned status:new,triaged",
            "priority:p1,p2",
            "priority:p1 status:open",
            "type:incident",
            "type:problem,task priority:p2",
            "tag:vpn",
            "tag:printer,wifi status:open",
            "is:pending",
            "status:closed assignee:bob",
        };
        for (int i = 0; i < count; i++) {
            Ticket sample = data.tickets().get(random.nextInt(data.tickets().size()));
            String filter = filters[random.nextInt(filters.length)];
            queries.add(
                    switch (i % 4) {
                        case 0 -> new Query("filters", filter);
                        case 1 ->
                            new Query(
                                    "word",
                                    switch (random.nextInt(5)) {
                                        case 0 -> word();
                                        case 1 -> rareWord();
                                        case 2 -> prefix(rareWord());
                                        case 3 -> sample.key().toLowerCase(java.util.Locale.ROOT);
                                        default -> word() + " " + word();
                                    });
                        case 2 -> new Query("phrase", "\"" + phrase(sample) + "\"");
                        default ->
                            new Query(
                                    "combined",
                                    filter + " " + (random.nextBoolean() ? word() : "\"" + phrase(sample) + "\""));
                    });
        }
        return queries;
    }

    private String prefix(String word) {
        return word.substring(0, Math.min(word.length(), 3 + random.nextInt(3)));
    }

    /** Two or three consecutive words from the ticket's text, as someone quoting an error message would. */
    private String phrase(Ticket ticket) {
        String text = ticket.description() != null ? ticket.description() : ticket.title();
        String[] words = text.split(" ");
        if (words.length < 3) {
            return text;
        }
        int at = random.nextInt(words.length - 2);
        int n = 2 + random.nextInt(2);
        return String.join(" ", java.util.Arrays.copyOfRange(words, at, Math.min(words.length, at + n)));
    }
}
