package dev.ticketsync.model.protocol;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/sync/push}: a batch of a device's mutations, in mutationId order. */
public record PushRequest(UUID clientId, List<Mutation> mutations) {

    public static final int MAX_MUTATIONS = 1000;

    public PushRequest {
        FieldRules.required("clientId", clientId);
        FieldRules.required("mutations", mutations);
        if (mutations.size() > MAX_MUTATIONS) {
            throw new ValidationException("mutations", "at most " + MAX_MUTATIONS + " per batch");
        }
        for (int i = 0; i < mutations.size(); i++) {
            FieldRules.required("mutations[" + i + "]", mutations.get(i));
            if (i > 0 && mutations.get(i).mutationId() != mutations.get(i - 1).mutationId() + 1) {
                throw new ValidationException(
                        "mutations[" + i + "].mutationId", "must follow the previous mutationId by one");
            }
        }
        mutations = List.copyOf(mutations);
    }
}
