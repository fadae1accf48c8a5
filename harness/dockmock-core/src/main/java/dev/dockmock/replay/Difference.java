package dev.dockmock.replay;

/**
 * One way a request differs from a recorded one.
 *
 * @param what what differs: {@code method}, {@code path}, {@code query parameter all},
 *     {@code body field HostConfig.Memory} or {@code body}
 * @param recorded the recorded value, as shown in messages ({@code (absent)} when missing)
 * @param got the request's value, likewise
 * @param weight how far apart this makes the two, for finding the nearest interaction
 */
public record Difference(String what, String recorded, String got, int weight) {

    @Override
    public String toString() {
        return what + ": recorded " + recorded + ", got " + got;
    }
}
