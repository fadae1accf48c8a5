package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * busybox {@code od [-bcdosxv] [-A d|o|x|n] [-t TYPE]... [-N COUNT] [-j SKIP] [FILE]...}: 16
 * bytes a line, one line per type, little-endian words (a last short word padded with zeros),
 * repeated lines shown as {@code *} unless {@code -v}, and the end offset last.
 */
final class OdApplet {
    private static final String[] ESCAPES = new String[32];

    static {
        ESCAPES[0] = "\\0";
        ESCAPES[7] = "\\a";
        ESCAPES[8] = "\\b";
        ESCAPES[9] = "\\t";
        ESCAPES[10] = "\\n";
        ESCAPES[11] = "\\v";
        ESCAPES[12] = "\\f";
        ESCAPES[13] = "\\r";
    }

    /** One output type: {@code c}, or a radix letter ({@code x o d u}) and a size in bytes. */
    private record Type(char kind, int size) {
        String field(byte[] line, int at) {
            if (kind == 'c') {
                int b = line[at] & 0xff;
                String shown = b < 32 ? (ESCAPES[b] != null ? ESCAPES[b] : String.format("%03o", b))
                        : b >= 127 ? String.format("%03o", b) : String.valueOf((char) b);
                return String.format("%4s", shown);
            }
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                value = value << 8 | (at + i < line.length ? line[at + i] & 0xff : 0);
            }
            if (kind == 'd' && size < 8) {
                long sign = 1L << (size * 8 - 1);
                value = (value ^ sign) - sign;
            }
            int bits = size * 8;
            return switch (kind) {
                case 'x' -> " " + pad(Long.toHexString(value), size * 2, '0');
                case 'o' -> " " + pad(Long.toOctalString(value), (bits + 2) / 3, '0');
                case 'u' -> " " + pad(Long.toUnsignedString(value), size == 8 ? 20 : String.valueOf((1L << bits) - 1).length(), ' ');
                default -> " " + pad(String.valueOf(value), size == 8 ? 20 : String.valueOf(1L << (bits - 1)).length() + 1, ' ');
            };
        }
    }

    private OdApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "bcdosxvA:t:N:j:", Map.of());
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, "od [-abcdfhilovxs] [-t TYPE] [-A RADIX] [-N SIZE] [-j SKIP] [-S MINSTR] [-w WIDTH] [FILE]...");
        }
        AppletOptions options = parsed.get();
        List<Type> types = new ArrayList<>();
        for (String key : options.values().keySet()) {
            switch (key) {
                case "b" -> types.add(new Type('o', 1));
                case "c" -> types.add(new Type('c', 1));
                case "d" -> types.add(new Type('u', 2));
                case "o" -> types.add(new Type('o', 2));
                case "s" -> types.add(new Type('d', 2));
                case "x" -> types.add(new Type('x', 2));
                case "t" -> {
                    for (String spec : options.all("t")) {
                        Optional<Type> type = type(spec);
                        if (type.isEmpty()) {
                            io.stderr("od: invalid type string '" + spec + "'\n");
                            return 1;
                        }
                        types.add(type.get());
                    }
                }
                default -> { }
            }
        }
        if (types.isEmpty()) {
            types.add(new Type('o', 2));
        }
        String radix = options.last("A", "o");
        if (!List.of("o", "d", "x", "n").contains(radix)) {
            io.stderr("od: bad output address radix '" + radix + "' (must be d, o, n or x)\n");
            return 1;
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        int status = 0;
        boolean read = false;
        for (String file : options.operands().isEmpty() ? List.of("-") : options.operands()) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                status = 1;
                continue;
            }
            input.writeBytes(Stdin.readAll(in));
            read = true;
        }
        if (!read) {
            return status;
        }
        byte[] data = input.toByteArray();
        int skip = (int) Math.min(data.length, number(options.last("j", "0")));
        int end = (int) Math.min(data.length, skip + number(options.last("N", String.valueOf(Integer.MAX_VALUE))));
        io.stdout(dump(Arrays.copyOfRange(data, skip, end), skip, types, radix, options.has("v")));
        return status;
    }

    private static String dump(byte[] data, int start, List<Type> types, String radix, boolean all) {
        StringBuilder out = new StringBuilder();
        byte[] previous = null;
        boolean starred = false;
        for (int at = 0; at < data.length; at += 16) {
            byte[] line = Arrays.copyOfRange(data, at, Math.min(data.length, at + 16));
            if (!all && line.length == 16 && Arrays.equals(line, previous)) {
                if (!starred) {
                    out.append("*\n");
                    starred = true;
                }
                continue;
            }
            starred = false;
            previous = line;
            for (int t = 0; t < types.size(); t++) {
                String address = address(start + at, radix);
                out.append(t == 0 ? address : " ".repeat(address.length()));
                for (int i = 0; i < line.length; i += types.get(t).size()) {
                    out.append(types.get(t).field(line, i));
                }
                out.append('\n');
            }
        }
        if (!radix.equals("n")) {
            out.append(address(start + data.length, radix)).append('\n');
        }
        return out.toString();
    }

    private static String address(long offset, String radix) {
        return switch (radix) {
            case "d" -> pad(Long.toString(offset), 7, '0');
            case "x" -> pad(Long.toHexString(offset), 6, '0');
            case "n" -> "";
            default -> pad(Long.toOctalString(offset), 7, '0');
        };
    }

    /** {@code x1}, {@code d4}, {@code u}, {@code oC}, {@code c}; empty for what od does not know. */
    private static Optional<Type> type(String spec) {
        if (spec.equals("c") || spec.equals("a")) {
            return Optional.of(new Type('c', 1));
        }
        if (spec.isEmpty() || "xodu".indexOf(spec.charAt(0)) < 0) {
            return Optional.empty();
        }
        String size = spec.substring(1);
        int bytes = switch (size) {
            case "", "I" -> 4;
            case "1", "C" -> 1;
            case "2", "S" -> 2;
            case "4" -> 4;
            case "8", "L" -> 8;
            default -> -1;
        };
        return bytes < 0 ? Optional.empty() : Optional.of(new Type(spec.charAt(0), bytes));
    }

    private static long number(String text) {
        return text.matches("\\d{1,12}") ? Long.parseLong(text) : 0;
    }

    private static String pad(String text, int width, char with) {
        return text.length() >= width ? text : String.valueOf(with).repeat(width - text.length()) + text;
    }
}
