package dev.ticketsync.server.sync;

import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.http.ApiException;
import dev.ticketsync.server.store.DeviceRows;
import dev.ticketsync.server.store.DeviceRows.DeviceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A clientId belongs to the user who first used it; anyone else, or a revoked device, is refused (403). */
final class DeviceAccess {

    private DeviceAccess() {}

    static DeviceRow claim(Connection c, DeviceRows devices, UUID clientId, Principal principal, Instant now)
            throws SQLException {
        return check(devices.claim(c, clientId, principal.login(), now), principal);
    }

    static DeviceRow check(DeviceRow device, Principal principal) {
        if (!device.user().equals(principal.login())) {
            throw ApiException.forbidden("clientId " + device.clientId() + " belongs to another user");
        }
        if (device.revokedAt() != null) {
            throw ApiException.forbidden("this device was revoked by an admin; sign in again to get a new replica");
        }
        return device;
    }
}
