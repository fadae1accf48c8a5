package dev.dockmock.cli;

/**
 * The {@code --swarm} of {@code dockmock serve}: how many managers, workers and simulated workers.
 *
 * @param managers at least one
 * @param workers zero or more
 * @param simulated simulated workers (no engine, no listener; docs/swarm.md, "Scale"), zero or more
 */
record SwarmShape(int managers, int workers, int simulated) {

    SwarmShape(int managers, int workers) {
        this(managers, workers, 0);
    }

    /**
     * Parses {@code managers=3,workers=2}; either may be left out (one manager, no workers).
     *
     * @throws UsageException for anything else
     */
    static SwarmShape parse(String text) {
        int managers = 1;
        int workers = 0;
        int simulated = 0;
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].trim().matches("\\d{1,5}")) {
                throw new UsageException("--swarm wants managers=N,workers=M, not \"" + text + "\"");
            }
            int count = Integer.parseInt(pair[1].trim());
            switch (pair[0].trim()) {
                case "managers" -> managers = count;
                case "workers" -> workers = count;
                case "simulated" -> simulated = count;
                default -> throw new UsageException("--swarm knows managers, workers and simulated, not \"" + pair[0].trim() + "\"");
            }
        }
        if (managers < 1) {
            throw new UsageException("--swarm needs at least one manager");
        }
        if (managers > 999 || workers > 999) {
            throw new UsageException("--swarm takes at most 999 managers and 999 workers (each is a whole engine); simulated=N adds nodes without engines");
        }
        return new SwarmShape(managers, workers, simulated);
    }
}
