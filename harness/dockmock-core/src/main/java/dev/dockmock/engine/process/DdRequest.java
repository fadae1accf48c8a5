package dev.dockmock.engine.process;

import java.util.List;
import java.util.Set;

/**
 * dd's {@code key=value} operands.
 *
 * @param count input blocks to copy, -1 for all
 * @param sameBlocks whether {@code bs=} set both sizes (each input block is then one output block)
 */
record DdRequest(String input, String output, long ibs, long obs, long count, long skip, long seek, boolean sameBlocks,
        Set<String> conv, Set<String> iflag, Set<String> oflag, String status) {

    /** A bad operand: a null message for an unknown one (usage), else busybox's complaint. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    static DdRequest parse(List<String> operands) throws Bad {
        String input = null;
        String output = null;
        long ibs = 512;
        long obs = 512;
        long count = -1;
        long skip = 0;
        long seek = 0;
        boolean same = false;
        Set<String> conv = Set.of();
        Set<String> iflag = Set.of();
        Set<String> oflag = Set.of();
        String status = "";
        for (String operand : operands) {
            int eq = operand.indexOf('=');
            if (eq < 0) {
                throw new Bad(null);
            }
            String value = operand.substring(eq + 1);
            switch (operand.substring(0, eq)) {
                case "if" -> input = value;
                case "of" -> output = value;
                case "bs" -> {
                    ibs = positive(value);
                    obs = ibs;
                    same = true;
                }
                case "ibs" -> ibs = positive(value);
                case "obs" -> obs = positive(value);
                case "count" -> count = number(value);
                case "skip" -> skip = number(value);
                case "seek" -> seek = number(value);
                case "conv" -> conv = Set.of(value.split(","));
                case "iflag" -> iflag = Set.of(value.split(","));
                case "oflag" -> oflag = Set.of(value.split(","));
                case "status" -> status = value;
                default -> throw new Bad(null);
            }
        }
        return new DdRequest(input, output, ibs, obs, count, skip, seek, same, conv, iflag, oflag, status);
    }

    long skipBytes() {
        return iflag.contains("skip_bytes") ? skip : skip * ibs;
    }

    long countBytes() {
        return iflag.contains("count_bytes") ? count : count * ibs;
    }

    long seekBytes() {
        return oflag.contains("seek_bytes") ? seek : seek * obs;
    }

    private static long number(String value) throws Bad {
        long number = DdApplet.size(value);
        if (number < 0) {
            throw new Bad("invalid number '" + value + "'");
        }
        return number;
    }

    private static long positive(String value) throws Bad {
        long number = number(value);
        if (number == 0) {
            throw new Bad("invalid number '" + value + "'");
        }
        return number;
    }
}
