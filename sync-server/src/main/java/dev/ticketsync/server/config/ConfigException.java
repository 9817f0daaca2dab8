package dev.ticketsync.server.config;

/**
 * A setting that cannot be used. The message starts with where the bad value came from (an option, an environment
 * variable or a config-file key) so the operator knows what to fix; it is meant to be printed as is.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
