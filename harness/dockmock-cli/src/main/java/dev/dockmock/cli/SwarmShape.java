package dev.dockmock.cli;

/**
 * The {@code --swarm} of {@code dockmock serve}: how many managers and workers.
 *
 * @param managers at least one
 * @param workers zero or more
 */
record SwarmShape(int managers, int workers) {

    /**
     * Parses {@code managers=3,workers=2}; either may be left out (one manager, no workers).
     *
     * @throws UsageException for anything else
     */
    static SwarmShape parse(String text) {
        int managers = 1;
        int workers = 0;
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].trim().matches("\\d{1,3}")) {
                throw new UsageException("--swarm wants managers=N,workers=M, not \"" + text + "\"");
            }
            int count = Integer.parseInt(pair[1].trim());
            switch (pair[0].trim()) {
                case "managers" -> managers = count;
                case "workers" -> workers = count;
                default -> throw new UsageException("--swarm knows managers and workers, not \"" + pair[0].trim() + "\"");
            }
        }
        if (managers < 1) {
            throw new UsageException("--swarm needs at least one manager");
        }
        return new SwarmShape(managers, workers);
    }
}
