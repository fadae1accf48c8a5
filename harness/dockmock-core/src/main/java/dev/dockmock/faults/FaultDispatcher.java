package dev.dockmock.faults;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.TransportFault;
import java.util.Optional;

/**
 * Puts fault rules in front of a dispatcher: a request a rule claims is failed or faulted as the
 * rule says; every other request goes to {@code next} untouched.
 */
public final class FaultDispatcher implements Dispatcher {
    private final FaultRules rules;
    private final Dispatcher next;

    public FaultDispatcher(FaultRules rules, Dispatcher next) {
        this.rules = rules;
        this.next = next;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Optional<FaultRule> claimed = rules.claim(request);
        if (claimed.isEmpty()) {
            return next.dispatch(request);
        }
        FaultRule rule = claimed.get();
        ApiResponse answer;
        if (rule.action() instanceof FaultAction.Fail fail) {
            answer = ApiResponse.error(fail.status(), fail.message());
        } else {
            TransportFault fault = ((FaultAction.Transport) rule.action()).fault();
            answer = fault.replacesAnswer() ? ApiResponse.fault(fault) : next.dispatch(request).withFault(fault);
        }
        return rule.delay().isZero() ? answer : answer.withFault(new TransportFault.FixedDelay(rule.delay()));
    }

    public FaultRules rules() {
        return rules;
    }
}
