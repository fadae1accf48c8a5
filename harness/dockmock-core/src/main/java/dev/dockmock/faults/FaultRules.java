package dev.dockmock.faults;

import dev.dockmock.protocol.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault rules in force, in the order added; the first rule that matches a request and has
 * uses left takes it. Safe to change while requests are served.
 */
public final class FaultRules {
    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger names = new AtomicInteger();

    /**
     * A rule and what it has done so far.
     *
     * @param rule the rule as added (with its name)
     * @param applied how many requests it has applied to
     * @param remaining uses left, or {@link FaultRule#EVERY}
     */
    public record Status(FaultRule rule, int applied, int remaining) {
    }

    private static final class Active {
        final FaultRule rule;
        final AtomicInteger applied = new AtomicInteger();
        final AtomicInteger remaining;

        Active(FaultRule rule) {
            this.rule = rule;
            this.remaining = new AtomicInteger(rule.times());
        }

        boolean claim() {
            if (rule.times() == FaultRule.EVERY) {
                applied.incrementAndGet();
                return true;
            }
            for (int left = remaining.get(); left > 0; left = remaining.get()) {
                if (remaining.compareAndSet(left, left - 1)) {
                    applied.incrementAndGet();
                    return true;
                }
            }
            return false;
        }
    }

    /** Adds a rule; one without a name is named {@code fault-N}. @return the rule as kept */
    public FaultRule add(FaultRule rule) {
        FaultRule named = rule.name().isEmpty() ? rule.named("fault-" + names.incrementAndGet()) : rule;
        rules.add(new Active(named));
        return named;
    }

    /** Removes the rules with this name. @return whether any was removed */
    public boolean remove(String name) {
        return rules.removeIf(a -> a.rule.name().equals(name));
    }

    public void clear() {
        rules.clear();
    }

    /** The first rule that matches and has a use left, with that use taken. */
    public Optional<FaultRule> claim(ApiRequest request) {
        for (Active active : rules) {
            if (active.rule.match().matches(request) && active.claim()) {
                return Optional.of(active.rule);
            }
        }
        return Optional.empty();
    }

    /** Every rule and its counts, in order. */
    public List<Status> list() {
        List<Status> list = new ArrayList<>();
        for (Active active : rules) {
            list.add(new Status(active.rule, active.applied.get(), active.rule.times() == FaultRule.EVERY ? FaultRule.EVERY
                    : active.remaining.get()));
        }
        return list;
    }
}
