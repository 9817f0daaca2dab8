package dev.ticketsync.desktop.query;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Figures for DESIGN.md §9's local query and cold start rows, on a replica of 100k tickets + 300k comments. Not a
 * test: run it by hand ({@code java -cp <test class path> dev.ticketsync.desktop.query.SearchMeasurement MODE DIR}),
 * each mode in a fresh JVM, so "cold" means cold: {@code build} makes the replica (pulled pages plus 300 local
 * changes), {@code before} measures the old list (load everything, scan per query), {@code after} the list over
 * {@link TicketSearch} (and checks that all 200 queries answer as the scan does), {@code window} the main window's
 * view model end to end. {@code -Dslowest=true} also lists the slowest queries.
 */
public final class SearchMeasurement {

    private static final int TICKETS = 100_000;
    private static final String ME = "alice";

    private SearchMeasurement() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        switch (mode) {
            case "build" -> build(dir);
            case "before" -> before(dir);
            case "after" -> after(dir);
            case "window" -> window(dir);
            default -> throw new IllegalArgumentException("mode: build | before | after | window");
        }
    }

    static Replica open(Path dir) throws Exception {
        return Replica.open(dir, "http://127.0.0.1:1", ME, Role.AGENT, Clock.systemUTC());
    }

    private static void build(Path dir) throws Exception {
        Files.createDirectories(dir);
        SearchData data = new SearchData(42);
        SearchData.Generated generated = data.generate(TICKETS);
        long start = System.nanoTime();
        try (Replica replica = open(dir)) {
            SearchData.applyTo(replica, generated, 5000);
            System.out.printf(
                    "built %d tickets + %d comments in %d ms%n",
                    generated.tickets().size(), generated.comments().size(), millis(start));
            // Local, unsynced work on top: the pending overlay (is:pending, comments only this device has).
            for (int i = 0; i < 300; i++) {
                Ticket ticket = generated.tickets().get(i * 97);
                if (i % 2 == 0) {
                    replica.execute(new Assign(ticket.id(), ME));
                } else {
                    replica.execute(new AddComment(
                            Ids.newId(), ticket.id(), "Local note " + data.text(150), Visibility.INTERNAL));
                }
            }
        }
    }

    /** Today's list: load every ticket and every ticket's comment text, then scan all of them per query. */
    private static void before(Path dir) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        try (Replica replica = open(dir)) {
            long opened = millis(start);
            long cpu = threads.getCurrentThreadCpuTime();
            List<Ticket> tickets = replica.tickets();
            long ticketsLoaded = millis(start);
            long ticketsCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            Set<UUID> pending = replica.pendingTicketIds();
            Map<UUID, String> comments = replica.commentText();
            long commentsLoaded = millis(start);
            TicketQuery.Context context = new TicketQuery.Context(ME, pending, id -> comments.getOrDefault(id, ""));
            List<Ticket> first = scan(tickets, "", context);
            long firstList = millis(start);
            System.out.printf(
                    "before: cold start: replica open %d ms, tickets %d ms (%d ms cpu), comment text %d ms,"
                            + " first list (%d rows) %d ms after start (this thread %d ms cpu after open; process"
                            + " %d ms cpu since start)%n",
                    opened,
                    ticketsLoaded,
                    ticketsCpu,
                    commentsLoaded,
                    first.size(),
                    firstList,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                    processCpu());
            System.out.printf("before: heap with tickets and comment text %s%n", heap());
            List<SearchData.Query> queries = new SearchData(7).queries(200, new SearchData(42).generate(TICKETS));
            report("before", queries, 1, query -> scan(tickets, query, context));
        }
    }

    /** The list over TicketSearch: open (tickets only), text indexed in the background, then queries. */
    private static void after(Path dir) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        try (Replica replica = open(dir)) {
            long opened = millis(start);
            long openCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            long searchStart = System.nanoTime();
            long searchCpu = threads.getCurrentThreadCpuTime();
            try (TicketSearch search = TicketSearch.open(replica)) {
                List<Ticket> first = search.search("", ME);
                long usable = millis(start);
                long usableCpu = (threads.getCurrentThreadCpuTime() - searchCpu) / 1_000_000;
                System.out.printf(
                        "after: cold start: replica open %d ms (%d ms cpu); first list (%d rows) %d ms after start,"
                                + " %d ms after open (this thread %d ms cpu; process %d ms cpu since start)%n",
                        opened, openCpu, first.size(), usable, millis(searchStart), usableCpu, processCpu());
                search.awaitTextReady(java.time.Duration.ofMinutes(5));
                long indexCpu = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals("ticket-search"))
                        .mapToLong(thread -> threads.getThreadCpuTime(thread.getId()) / 1_000_000)
                        .sum();
                System.out.printf(
                        "after: text index ready %d ms after start (%d ms after open; index thread %d ms cpu): %s%n",
                        millis(start), millis(searchStart), indexCpu, search.stats());
                System.out.printf("after: heap with tickets and search index %s%n", heap());
                List<SearchData.Query> queries = new SearchData(7).queries(200, new SearchData(42).generate(TICKETS));
                report("after", queries, 3, text -> search.search(text, ME));
                // The same answers as the scan, query by query.
                List<Ticket> tickets = replica.tickets();
                Map<UUID, String> comments = replica.commentText();
                TicketQuery.Context context =
                        new TicketQuery.Context(ME, replica.pendingTicketIds(), id -> comments.getOrDefault(id, ""));
                int differ = 0;
                for (SearchData.Query query : queries) {
                    if (!scan(tickets, query.text(), context).equals(search.search(query.text(), ME))) {
                        differ++;
                        System.out.println("DIFFERENT: " + query.text());
                    }
                }
                System.out.printf("after: %d of %d queries answer differently from the scan%n", differ, queries.size());
            }
        }
    }

    /**
     * The main window's view model as the app runs it: background work on one thread, UI work on another (standing in
     * for the FX thread). Cold start = from opening the replica until the list holds every ticket; then the time from
     * setting the query to the list showing the answer, per kind.
     */
    private static void window(Path dir) throws Exception {
        var ui = java.util.concurrent.Executors.newSingleThreadExecutor();
        var background = (java.util.concurrent.ThreadPoolExecutor) java.util.concurrent.Executors.newFixedThreadPool(1);
        dev.ticketsync.desktop.ui.common.Scheduler scheduler = new dev.ticketsync.desktop.ui.common.Scheduler() {
            @Override
            public void background(Runnable work) {
                background.execute(work);
            }

            @Override
            public void ui(Runnable work) {
                ui.execute(work);
            }
        };
        long start = System.nanoTime();
        try (Replica replica = open(dir)) {
            long opened = millis(start);
            var model = ui.submit(() -> new dev.ticketsync.desktop.ui.main.MainViewModel(replica, scheduler))
                    .get();
            model.reload();
            while (ui.submit(() -> model.rows().size()).get() < TICKETS) {
                Thread.sleep(5);
            }
            System.out.printf(
                    "window: replica open %d ms; list with %d rows %d ms after start%n",
                    opened, TICKETS, millis(start));
            List<SearchData.Query> queries = new SearchData(7).queries(200, new SearchData(42).generate(TICKETS));
            // Wait for the comments to be indexed: chunk after chunk on the background thread, until it is idle.
            int idle = 0;
            while (idle < 5) {
                Thread.sleep(100);
                idle = background.getQueue().isEmpty() && background.getActiveCount() == 0 ? idle + 1 : 0;
            }
            System.out.printf("window: comments indexed %d ms after start%n", millis(start));
            report("window", queries, 3, text -> {
                try {
                    return ui.submit(() -> {
                                model.queryProperty().set(text);
                                return List.copyOf(model.rows());
                            })
                            .get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            ui.shutdown();
            background.shutdown();
        }
    }

    /** What MainViewModel's filter did: parse, test every ticket, sort newest first. */
    static List<Ticket> scan(List<Ticket> tickets, String text, TicketQuery.Context context) {
        TicketQuery query = QueryParser.parse(text).query();
        List<Ticket> matching = new ArrayList<>();
        for (Ticket ticket : tickets) {
            if (query.matches(ticket, context)) {
                matching.add(ticket);
            }
        }
        matching.sort(NEWEST);
        return matching;
    }

    static final Comparator<Ticket> NEWEST = Comparator.comparing(
                    Ticket::updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Ticket::id);

    static void report(
            String label,
            List<SearchData.Query> queries,
            int rounds,
            java.util.function.Function<String, List<Ticket>> run) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < Math.min(rounds, 2); warm++) {
            queries.forEach(query -> run.apply(query.text()));
        }
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (SearchData.Query query : queries) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                int size = run.apply(query.text()).size();
                long micros = (System.nanoTime() - start) / 1000;
                long cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000;
                for (String kind : List.of(query.kind(), "all")) {
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(micros);
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuMicros);
                }
                rows.merge(query.kind(), (long) size, Long::sum);
            }
        }
        if (Boolean.getBoolean("slowest")) {
            Map<String, Long> worst = new LinkedHashMap<>();
            for (SearchData.Query query : queries) {
                long t0 = System.nanoTime();
                int size = run.apply(query.text()).size();
                worst.put(query.text() + " -> " + size, (System.nanoTime() - t0) / 1000);
            }
            worst.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(15)
                    .forEach(e -> System.out.printf("  slow %6.2f ms  %s%n", e.getValue() / 1000.0, e.getKey()));
        }
        wall.forEach((kind, times) -> {
            List<Long> cpuTimes = cpu.get(kind);
            times.sort(null);
            cpuTimes.sort(null);
            System.out.printf(
                    "%s: %-8s n=%3d wall p50 %7.2f p95 %7.2f max %7.2f ms | cpu p50 %7.2f p95 %7.2f ms | avg rows %s%n",
                    label,
                    kind,
                    times.size() / rounds,
                    percentile(times, 0.50),
                    percentile(times, 0.95),
                    times.get(times.size() - 1) / 1000.0,
                    percentile(cpuTimes, 0.50),
                    percentile(cpuTimes, 0.95),
                    kind.equals("all") ? "-" : rows.get(kind) / times.size());
        });
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.ceil(sorted.size() * p) - 1) / 1000.0;
    }

    static String heap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024) + " MB used";
    }

    /** CPU time of the whole process (every thread: JIT compilers and GC included), in ms. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
