package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** {@code md5sum}, {@code sha1sum}, {@code sha256sum}, {@code sha512sum} and {@code base64}, as busybox prints them. */
final class HashApplets {

    private HashApplets() {
    }

    /** {@code <hex>  <name>} per file ({@code -} for stdin); a missing file is {@code can't open}, exit 1. */
    static int sum(ProcessIo io, String algorithm) throws InterruptedException {
        List<String> files = FileOperands.operands(io.argv(), List.of());
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String file : files.isEmpty() ? List.of("-") : files) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, false);
            if (in == null) {
                status = 1;
                continue;
            }
            out.append(HexFormat.of().formatHex(digest(algorithm).digest(Stdin.readAll(in)))).append("  ").append(file).append('\n');
        }
        io.stdout(out.toString());
        return status;
    }

    /** {@code base64 [-d] [FILE]}: encodes in lines of 76, or decodes (ignoring line breaks). */
    static int base64(ProcessIo io) throws InterruptedException {
        boolean decode = io.argv().contains("-d");
        List<String> files = FileOperands.operands(io.argv(), List.of());
        InputStream in = files.isEmpty() || files.get(0).equals("-") ? io.stdin() : FileOperands.open(io, files.get(0), false);
        if (in == null) {
            return 1;
        }
        byte[] data = Stdin.readAll(in);
        if (decode) {
            try {
                io.stdout(Base64.getMimeDecoder().decode(data));
                return 0;
            } catch (IllegalArgumentException e) {
                io.stderr("base64: invalid input\n");
                return 1;
            }
        }
        String encoded = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i += 76) {
            out.append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
        }
        io.stdout(out.toString().getBytes(StandardCharsets.US_ASCII));
        return 0;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }
}
