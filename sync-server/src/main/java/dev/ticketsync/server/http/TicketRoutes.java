package dev.ticketsync.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.Effect;
import dev.ticketsync.model.workflow.Rejection;
import dev.ticketsync.model.workflow.Workflow;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.command.CommandPipeline;
import dev.ticketsync.server.command.CommandResult;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.command.WriteTx;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.SideRows;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The ticket REST API for integrations and curl: the same commands as sync, one transaction per request. */
public final class TicketRoutes {

    private final Database database;
    private final Writer writer;
    private final CommandPipeline pipeline;
    private final Workflow workflow;
    private final SideRows sides;
    private final TicketListing listing = new TicketListing();

    /** The body of a transition request. */
    record TransitionBody(Status to, String resolution, String reason, String comment) {}

    /** The body of a cancel (DELETE) request. */
    record CancelBody(String reason) {}

    /** The body of a new comment. */
    record CommentBody(String body, Visibility visibility) {}

    public TicketRoutes(Database database, Writer writer, CommandPipeline pipeline, Workflow workflow) {
        this.database = database;
        this.writer = writer;
        this.pipeline = pipeline;
        this.workflow = workflow;
        this.sides = new SideRows(database.dialect());
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/tickets", this::create, Access.STAFF);
        routes.get("/api/v1/tickets", ctx -> listing.list(ctx, database), Access.STAFF);
        routes.get("/api/v1/tickets/{ref}", this::get, Access.STAFF);
        routes.patch("/api/v1/tickets/{ref}", this::patch, Access.STAFF);
        routes.delete("/api/v1/tickets/{ref}", this::cancel, Access.STAFF);
        routes.post("/api/v1/tickets/{ref}/transitions", this::transition, Access.STAFF);
        routes.post("/api/v1/tickets/{ref}/comments", this::comment, Access.STAFF);
    }

    private void create(Context ctx) {
        ObjectNode args = JsonBodies.readObject(ctx);
        if (!args.hasNonNull("id")) {
            args.put("id", Ids.newId().toString());
        }
        Command command = decode(CommandName.CREATE_TICKET, args);
        CommandResult result = writer.write(tx -> accepted(pipeline.run(tx, command, actor(ctx), origin(ctx))));
        ctx.header("Location", "/api/v1/tickets/" + result.ticket().id());
        JsonBodies.write(ctx, 201, TicketViews.ticket(result.ticket()));
    }

    private void get(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        ObjectNode view = database.read(c -> {
            Ticket ticket = find(c, ctx.pathParam("ref"));
            return TicketViews.detailed(
                    ticket, sides.comments(c, ticket.id()), workflow.allowedTransitions(ticket, principal.actor()));
        });
        JsonBodies.ok(ctx, view);
    }

    private void patch(Context ctx) {
        ObjectNode body = JsonBodies.readObject(ctx);
        Long ifMatch = ifMatch(ctx);
        CommandResult result = writer.write(tx -> {
            Ticket ticket = find(tx.connection(), ctx.pathParam("ref"));
            if (ifMatch != null && ifMatch != ticket.version()) {
                throw new ApiException(
                        412,
                        ErrorCode.STALE_VERSION,
                        ticket.displayKey() + " is at version " + ticket.version() + ", not " + ifMatch
                                + "; reload it and apply your change again",
                        "If-Match");
            }
            CommandResult edited = pipeline.run(tx, edits(ticket, body), actor(ctx), origin(ctx));
            if (edited.rejection() != null) {
                throw ApiException.of(patchTerms(edited.rejection()), null);
            }
            return edited;
        });
        JsonBodies.ok(ctx, TicketViews.ticket(result.ticket()));
    }

    private void transition(Context ctx) {
        TransitionBody body = JsonBodies.read(ctx, TransitionBody.class);
        if (body.to() == null) {
            throw ApiException.invalid("to", "is required");
        }
        CommandResult result = writer.write(tx -> {
            Ticket ticket = find(tx.connection(), ctx.pathParam("ref"));
            CommandResult moved =
                    run(tx, ctx, ticket, new Transition(ticket.id(), body.to(), body.resolution(), body.reason()));
            if (body.comment() != null) {
                run(tx, ctx, ticket, new AddComment(Ids.newId(), ticket.id(), body.comment(), Visibility.PUBLIC));
            }
            return moved;
        });
        JsonBodies.ok(ctx, TicketViews.ticket(result.ticket()));
    }

    private void cancel(Context ctx) {
        CancelBody body = JsonBodies.read(ctx, CancelBody.class);
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiException.invalid("reason", "is required to cancel a ticket");
        }
        CommandResult result = writer.write(tx -> {
            Ticket ticket = find(tx.connection(), ctx.pathParam("ref"));
            return run(tx, ctx, ticket, new Transition(ticket.id(), Status.CANCELLED, null, body.reason()));
        });
        JsonBodies.ok(ctx, TicketViews.ticket(result.ticket()));
    }

    private void comment(Context ctx) {
        CommentBody body = JsonBodies.read(ctx, CommentBody.class);
        CommandResult result = writer.write(tx -> {
            Ticket ticket = find(tx.connection(), ctx.pathParam("ref"));
            return run(
                    tx,
                    ctx,
                    ticket,
                    command(() -> new AddComment(Ids.newId(), ticket.id(), body.body(), body.visibility())));
        });
        Comment comment = result.applied().effects().stream()
                .filter(Effect.PutComment.class::isInstance)
                .map(effect -> ((Effect.PutComment) effect).comment())
                .findFirst()
                .orElseThrow();
        ctx.header("Location", "/api/v1/tickets/" + comment.ticketId() + "/comments/" + comment.id());
        JsonBodies.write(ctx, 201, comment);
    }

    private CommandResult run(WriteTx tx, Context ctx, Ticket ticket, Command command) throws SQLException {
        CommandResult result = pipeline.run(tx, command, actor(ctx), origin(ctx));
        if (result.rejection() != null && command instanceof Transition) {
            Map<String, Object> extra = Map.of(
                    "allowedTransitions",
                    workflow.allowedTransitions(ticket, actor(ctx)).stream()
                            .map(Status::wire)
                            .toList());
            throw ApiException.of(result.rejection(), extra);
        }
        return accepted(result);
    }

    private static CommandResult accepted(CommandResult result) {
        if (result.rejection() != null) {
            throw ApiException.of(result.rejection(), null);
        }
        return result;
    }

    /** A PATCH names fields directly, so its errors do too: {@code title}, not {@code changes.title.value}. */
    private static Rejection patchTerms(Rejection rejection) {
        if (rejection.field() == null || !rejection.field().startsWith("changes.")) {
            return rejection;
        }
        String field = rejection.field().substring("changes.".length()).replaceFirst("\\.value$", "");
        return new Rejection(rejection.code(), rejection.message().replace(rejection.field(), field), field);
    }

    private static ApiException patchTerms(ValidationException e) {
        Rejection rejection = patchTerms(Rejection.of(e));
        return new ApiException(400, rejection.code(), rejection.message(), rejection.field());
    }

    /** A PATCH body as an edit: text fields carry the current value as their base, since If-Match guards staleness. */
    private static EditFields edits(Ticket ticket, ObjectNode body) {
        if (body.isEmpty()) {
            throw ApiException.invalid("body", "name at least one field to change");
        }
        TreeMap<EditableField, FieldEdit> changes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            EditableField field;
            try {
                field = EditableField.of(entry.getKey());
            } catch (ValidationException e) {
                throw patchTerms(e);
            }
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
                throw ApiException.invalid(entry.getKey(), "must be a string or null");
            }
            String base = field.isText() ? currentText(ticket, field) : null;
            changes.put(field, new FieldEdit(base, value.isNull() ? null : value.asText()));
        }
        try {
            return new EditFields(ticket.id(), changes);
        } catch (ValidationException e) {
            throw patchTerms(e);
        }
    }

    private static String currentText(Ticket ticket, EditableField field) {
        return switch (field) {
            case TITLE -> ticket.title();
            case DESCRIPTION -> ticket.description();
            case RESOLUTION -> ticket.resolution();
            default -> null;
        };
    }

    private Ticket find(java.sql.Connection c, String ref) throws SQLException {
        Optional<Ticket> ticket;
        try {
            ticket = pipeline.tickets().find(c, UUID.fromString(ref));
        } catch (IllegalArgumentException notAnId) {
            ticket = pipeline.tickets().findByKey(c, ref);
        }
        return ticket.orElseThrow(() -> ApiException.notFound("There is no ticket " + ref));
    }

    private static Long ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) {
            return null;
        }
        String bare = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(bare);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("If-Match", "must be the ticket's version number, got '" + header + "'");
        }
    }

    private static Command decode(CommandName name, ObjectNode args) {
        return command(() -> CommandCodec.decode(name, args));
    }

    /** Builds a command or field from client input, turning a broken rule into a 400 that names the field. */
    private static <T> T command(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            throw ApiException.of(e);
        }
    }

    private static dev.ticketsync.model.workflow.Actor actor(Context ctx) {
        return Authentication.principal(ctx).actor();
    }

    private static Origin origin(Context ctx) {
        return new Origin(null, ctx.ip());
    }
}
