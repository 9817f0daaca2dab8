package dev.ticketsync.desktop.profile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
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
        Files.createDirectories(profile.directory());
        FileChannel channel = FileChannel.open(
                profile.directory().resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
            throw new IOException(profile.label() + " is already open in another TicketSync window");
        }
        return new ProfileLock(channel, lock);
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
