package dev.dockmock.engine.networks;

import java.util.List;

/**
 * What the network API needs from the containers: who is attached, and connecting and
 * disconnecting them. Every method is called with the engine's lock held.
 */
public interface NetworkMembers {

    /** The containers with a live endpoint on {@code network}: running ones, as in dockerd. */
    List<Member> active(Network network);

    /**
     * Connects a container ({@code POST /networks/{id}/connect}).
     *
     * @param container the container's id, id prefix or name
     * @param network the network's id, id prefix or name
     * @throws dev.dockmock.protocol.DockerException with dockerd's status and message when refused
     */
    void connect(String container, String network, EndpointRequest request);

    /**
     * Disconnects a container ({@code POST /networks/{id}/disconnect}).
     *
     * @throws dev.dockmock.protocol.DockerException with dockerd's status and message when refused
     */
    void disconnect(String container, String network, boolean force);

    /**
     * One container's endpoint, as a network's {@code Containers} map shows it.
     *
     * @param containerId the container's full id
     * @param name the container's name, without slash (the endpoint's name)
     * @param endpointId the endpoint's id
     * @param macAddress its MAC address
     * @param ipv4Address its address with prefix length ({@code 172.18.0.2/16}), empty when none
     */
    record Member(String containerId, String name, String endpointId, String macAddress, String ipv4Address) {
    }
}
