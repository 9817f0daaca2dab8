package dev.ticketsync.model.workflow;

import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ticket;
import java.util.Optional;

/**
 * A named condition a transition must meet. State guards look at the ticket, so the app can hide a transition that
 * would fail; input guards look at what the user supplies with the transition, so the app asks for it in a dialog.
 */
public enum Guard {
    HAS_ASSIGNEE(false) {
        @Override
        Optional<String> failure(Ticket ticket, Transition request) {
            return ticket.assignee() == null
                    ? Optional.of(ticket.displayKey() + " needs an assignee before work can start")
                    : Optional.empty();
        }
    },
    NOT_BLOCKED(false) {
        @Override
        Optional<String> failure(Ticket ticket, Transition request) {
            int blockers = ticket.blockedBy().size();
            return blockers == 0
                    ? Optional.empty()
                    : Optional.of(ticket.displayKey() + " is blocked by " + blockers + " unresolved ticket"
                            + (blockers == 1 ? "" : "s"));
        }
    },
    PLAN_COMPLETE(false) {
        @Override
        Optional<String> failure(Ticket ticket, Transition request) {
            if (ticket.plan() == null || ticket.plan().isComplete()) {
                return Optional.empty();
            }
            int open = ticket.plan().stages().size() - ticket.plan().nextStage();
            return Optional.of(ticket.displayKey() + " has " + open + " plan stage" + (open == 1 ? "" : "s")
                    + " still to complete");
        }
    },
    RESOLUTION_GIVEN(true) {
        @Override
        Optional<String> failure(Ticket ticket, Transition request) {
            return isBlank(request.resolution())
                    ? Optional.of("Resolving " + ticket.displayKey() + " needs a resolution")
                    : Optional.empty();
        }
    },
    REASON_GIVEN(true) {
        @Override
        Optional<String> failure(Ticket ticket, Transition request) {
            return isBlank(request.reason())
                    ? Optional.of("Cancelling " + ticket.displayKey() + " needs a reason")
                    : Optional.empty();
        }
    };

    private final boolean input;

    Guard(boolean input) {
        this.input = input;
    }

    /** True when the guard checks what the user supplies rather than the ticket's state. */
    public boolean isInput() {
        return input;
    }

    /** Why {@code ticket} may not take {@code request}, or empty when the guard passes. */
    abstract Optional<String> failure(Ticket ticket, Transition request);

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
