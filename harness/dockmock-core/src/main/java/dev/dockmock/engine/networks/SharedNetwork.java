package dev.dockmock.engine.networks;

/**
 * A swarm-scoped network as the swarm keeps it: the same network (same id) on every engine that
 * has it, with one book of addresses for all of them.
 *
 * @param network the network
 * @param addresses its addresses, shared by every engine of the swarm
 */
public record SharedNetwork(Network network, AddressBook addresses) {

    public String id() {
        return network.id();
    }
}
