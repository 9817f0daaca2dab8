package dev.ticketsync.desktop.profile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One app at a time per profile: a second window on the same replica would find its database locked, and the replica's
 * recovery would take that for damage. The lock is the operating system's, so it goes with the process, also on a
 * crash.
 */
public final class ProfileLock implements AutoCloseable {

    public static final String NAME = "profile.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the profile's lock, or says that the profile is open elsewhere. */
    public static ProfileLock acquire(Profile profile) throws IOException {
        return acquire(profile.directory(), profile.label());
    }

    /** Takes the lock of the profile in {@code directory}; {@code label} names it in the error. */
    public static ProfileLock acquire(Path directory, String label) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel =
                FileChannel.open(directory.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new ProfileInUse(label + " is already open in another TicketSync window");
        }
        return new ProfileLock(channel, lock);
    }

    /** The profile is open in another process (or window) of this machine. */
    public static final class ProfileInUse extends IOException {
        private static final long serialVersionUID = 1L;

        ProfileInUse(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
