package dev.ticketsync.bench.coldstart;

/** The cold-start baseline: the least a JVM can do after starting. */
public final class HelloWorld {

    private HelloWorld() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
