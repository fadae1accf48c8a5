package dev.dockmock.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files dockerd takes ({@code --tlscert}, {@code --tlskey}, {@code --tlscacert})
 * with the JDK alone. Every failure is an {@link IOException} naming the file and the problem.
 */
final class PemFiles {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /**
     * One {@code -----BEGIN type-----} block.
     *
     * @param type the label, such as {@code CERTIFICATE} or {@code RSA PRIVATE KEY}
     * @param encrypted whether legacy OpenSSL headers ({@code Proc-Type: 4,ENCRYPTED}) mark it encrypted
     * @param der the decoded base64 body
     */
    record Block(String type, boolean encrypted, byte[] der) {
    }

    private PemFiles() {
    }

    /** Every {@code CERTIFICATE} block of {@code file}, in order; at least one. */
    static List<X509Certificate> certificates(Path file, String role) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IOException("this JVM cannot read X.509 certificates", e);
        }
        for (Block block : blocks(file, role)) {
            if (!block.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | ClassCastException e) {
                throw new IOException(role + " " + file + ": certificate " + (certificates.size() + 1)
                        + " is not a valid X.509 certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException(role + " " + file + ": no certificate found (expected a PEM block \"" + BEGIN
                    + "CERTIFICATE" + DASHES + "\")");
        }
        return certificates;
    }

    /** The one private key of {@code file}, in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form. */
    static PrivateKey privateKey(Path file, String role) throws IOException {
        Block key = null;
        for (Block block : blocks(file, role)) {
            if (block.type().endsWith("PRIVATE KEY")) {
                if (key != null) {
                    throw new IOException(role + " " + file + ": more than one private key; keep only the server's");
                }
                key = block;
            }
        }
        if (key == null) {
            throw new IOException(role + " " + file + ": no private key found (expected a PEM block such as \""
                    + BEGIN + "PRIVATE KEY" + DASHES + "\")");
        }
        return PemKeys.parse(key, role + " " + file);
    }

    /** All PEM blocks of {@code file}; text outside blocks is ignored, as OpenSSL does. */
    static List<Block> blocks(Path file, String role) throws IOException {
        List<String> lines = read(file, role);
        List<Block> blocks = new ArrayList<>();
        String type = null;
        boolean encrypted = false;
        StringBuilder body = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (type == null) {
                if (line.startsWith(BEGIN) && line.endsWith(DASHES)) {
                    type = line.substring(BEGIN.length(), line.length() - DASHES.length());
                    encrypted = false;
                    body.setLength(0);
                }
            } else if (line.equals(END + type + DASHES)) {
                blocks.add(new Block(type, encrypted, decode(body, file, role, type)));
                type = null;
            } else if (line.contains(":")) {
                encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
            } else {
                body.append(line);
            }
        }
        if (type != null) {
            throw new IOException(role + " " + file + ": PEM block \"" + type + "\" has no END line; is the file truncated?");
        }
        return blocks;
    }

    private static byte[] decode(CharSequence base64, Path file, String role, String type) throws IOException {
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(role + " " + file + ": PEM block \"" + type + "\" is not valid base64: " + e.getMessage(), e);
        }
    }

    private static List<String> read(Path file, String role) throws IOException {
        try {
            // ISO-8859-1 maps every byte, so a binary (DER) file gets "no certificate found", not a charset error.
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + role + " " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + role + " " + file + ": permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getMessage();
            throw new IOException("cannot read " + role + " " + file + ": " + reason, e);
        } catch (IOException e) {
            throw new IOException("cannot read " + role + " " + file + ": " + e.getMessage(), e);
        }
    }
}
