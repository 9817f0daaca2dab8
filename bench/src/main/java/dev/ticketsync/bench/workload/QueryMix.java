package dev.ticketsync.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The queries a triage session types into the list's query bar: sidebar views, field filters, free words that are
 * common, rare or absent (an absent word must look at every ticket and every comment), and mixes of both.
 */
public final class QueryMix {

    private static final List<String> FIXED = List.of(
            "status:open",
            "status:open assignee:me",
            "status:open assignee:none",
            "",
            "is:pending",
            "priority:p1,p2 status:open",
            "status:closed type:problem",
            "status:waiting,on_hold");

    private static final List<String> COMMON_WORDS =
            List.of("printer", "timeout", "certificate", "slow", "gateway", "dashboard", "access", "backup");
    private static final List<String> RARE_WORDS = List.of("\"error e-4411\"", "lisbon", "vx-1234", "board room");
    private static final List<String> ABSENT_WORDS = List.of("kubernetes", "zebra", "\"quantum flux\"");
    private static final List<String> STATUSES =
            List.of("new", "triaged", "in_progress", "waiting", "on_hold", "resolved", "closed", "open");

    private QueryMix() {}

    public static List<String> queries(int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(query(random, i));
        }
        return queries;
    }

    private static String query(Random random, int i) {
        return switch (i % 8) {
            case 0 -> FIXED.get((i / 8) % FIXED.size());
            case 1 ->
                "tag:" + HelpdeskText.pick(random, HelpdeskText.TOPICS).tags().get(0) + " status:"
                        + HelpdeskText.pick(random, STATUSES);
            case 2 -> HelpdeskText.pick(random, COMMON_WORDS);
            case 3 -> "status:open " + HelpdeskText.pick(random, COMMON_WORDS);
            case 4 -> HelpdeskText.pick(random, RARE_WORDS);
            case 5 -> HelpdeskText.pick(random, ABSENT_WORDS);
            case 6 ->
                "type:" + HelpdeskText.pick(random, HelpdeskText.TOPICS).type().wire() + " "
                        + HelpdeskText.pick(random, COMMON_WORDS) + " "
                        + HelpdeskText.pick(random, COMMON_WORDS);
            default ->
                "priority:p" + (1 + random.nextInt(4)) + " tag:"
                        + HelpdeskText.pick(random, HelpdeskText.EXTRA_TAGS).toLowerCase(Locale.ROOT);
        };
    }
}
