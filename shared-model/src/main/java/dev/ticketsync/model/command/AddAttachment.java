package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Records an attachment's metadata; its content is uploaded separately, addressed by sha256. */
public record AddAttachment(UUID id, UUID ticketId, String fileName, String mediaType, Long size, String sha256)
        implements Command {

    public static final long MAX_SIZE = 100L * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    public AddAttachment {
        FieldRules.required("id", id);
        FieldRules.required("ticketId", ticketId);
        fileName = FieldRules.shortName("fileName", FieldRules.required("fileName", fileName), 255);
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw new ValidationException("fileName", "must not contain a path");
        }
        mediaType = mediaType == null ? "application/octet-stream" : mediaType;
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new ValidationException("mediaType", "must be a media type like text/plain");
        }
        FieldRules.required("size", size);
        if (size < 0 || size > MAX_SIZE) {
            throw new ValidationException("size", "must be 0–" + MAX_SIZE + " bytes");
        }
        FieldRules.sha256("sha256", sha256);
    }
}
