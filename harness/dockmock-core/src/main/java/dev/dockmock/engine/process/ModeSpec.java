package dev.dockmock.engine.process;

import java.util.Optional;
import java.util.function.IntBinaryOperator;

/**
 * A {@code chmod} mode: octal ({@code 755}, {@code 4755}) or symbolic clauses separated by commas
 * ({@code +x}, {@code u+rw,go-w}, {@code a=r}, {@code g=u}, {@code +X}, {@code +t}).
 */
final class ModeSpec {
    private final IntBinaryOperator apply;

    private ModeSpec(IntBinaryOperator apply) {
        this.apply = apply;
    }

    /** The mode, or empty when busybox would call it invalid. */
    static Optional<ModeSpec> parse(String text) {
        if (text.matches("[0-7]{1,4}")) {
            int mode = Integer.parseInt(text, 8);
            return Optional.of(new ModeSpec((current, directory) -> mode));
        }
        if (!text.matches("([ugoa]*([-+=]([rwxXst]*|[ugo]))+)(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*")) {
            return Optional.empty();
        }
        return Optional.of(new ModeSpec((current, directory) -> {
            int mode = current;
            for (String clause : text.split(",")) {
                mode = applyClause(clause, mode, directory != 0);
            }
            return mode;
        }));
    }

    /** The new permission bits for an entry with {@code current} bits. */
    int apply(int current, boolean directory) {
        return apply.applyAsInt(current, directory ? 1 : 0) & 07777;
    }

    private static int applyClause(String clause, int mode, boolean directory) {
        int i = 0;
        int who = 0;
        for (; i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0; i++) {
            who |= switch (clause.charAt(i)) {
                case 'u' -> 04700;
                case 'g' -> 02070;
                case 'o' -> 01007;
                default -> 07777;
            };
        }
        if (who == 0) {
            who = 07777;
        }
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            int start = i;
            while (i < clause.length() && "-+=".indexOf(clause.charAt(i)) < 0) {
                i++;
            }
            int bits = bits(clause.substring(start, i), mode, directory) & who;
            mode = switch (op) {
                case '+' -> mode | bits;
                case '-' -> mode & ~bits;
                default -> (mode & ~(who & 06777)) | bits;
            };
        }
        return mode;
    }

    /** The bits a permission list stands for, before the who-mask is applied. */
    private static int bits(String perms, int mode, boolean directory) {
        int bits = 0;
        for (char perm : perms.toCharArray()) {
            bits |= switch (perm) {
                case 'r' -> 0444;
                case 'w' -> 0222;
                case 'x' -> 0111;
                case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
                case 's' -> 06000;
                case 't' -> 01000;
                case 'u' -> ((mode >> 6) & 7) * 0111;
                case 'g' -> ((mode >> 3) & 7) * 0111;
                default -> (mode & 7) * 0111;
            };
        }
        return bits;
    }
}
