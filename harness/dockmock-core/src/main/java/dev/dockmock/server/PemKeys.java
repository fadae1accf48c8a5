package dev.dockmock.server;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;

/**
 * Turns a private key PEM block into a JDK key. The JDK reads PKCS#8 only, so PKCS#1 RSA keys
 * ({@code openssl genrsa} before OpenSSL 3) and SEC1 EC keys ({@code openssl ecparam -genkey},
 * Go's {@code MarshalECPrivateKey}) are wrapped into PKCS#8 first.
 */
final class PemKeys {
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";
    private static final String ED25519 = "1.3.101.112";
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "1.2.840.10040.4.1", "DSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.2.840.113549.1.3.1", "DH");

    private PemKeys() {
    }

    /** The key in {@code block}; {@code source} names the file in error messages. */
    static PrivateKey parse(PemFiles.Block block, String source) throws IOException {
        if (block.encrypted() || block.type().equals("ENCRYPTED PRIVATE KEY")) {
            throw new IOException(source + ": the private key is encrypted, which is not supported;"
                    + " decrypt it first, for instance with: openssl pkey -in key.pem -out key-plain.pem");
        }
        try {
            return switch (block.type()) {
                case "PRIVATE KEY" -> pkcs8(block.der(), source);
                case "RSA PRIVATE KEY" -> generate("RSA", wrap(PemDer.encode(PemDer.SEQUENCE, PemDer.oid(RSA),
                        PemDer.encode(PemDer.NULL)), block.der()), source);
                case "EC PRIVATE KEY" -> generate("EC", wrap(PemDer.encode(PemDer.SEQUENCE, PemDer.oid(EC),
                        sec1Curve(block.der(), source)), block.der()), source);
                default -> throw new IOException(source + ": unsupported key type \"" + block.type()
                        + "\"; use an RSA, EC or Ed25519 key in PEM (PKCS#8, PKCS#1 or SEC1)");
            };
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": \"" + block.type() + "\" block is not a valid key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8(byte[] der, String source) throws IOException {
        PemDer.Reader info = new PemDer.Reader(der).next(PemDer.SEQUENCE, "PrivateKeyInfo").children();
        info.next(PemDer.INTEGER, "version");
        String oid = PemDer.oid(info.next(PemDer.SEQUENCE, "AlgorithmIdentifier").children().next(PemDer.OID, "algorithm"));
        String algorithm = switch (oid) {
            case RSA -> "RSA";
            case EC -> "EC";
            case ED25519 -> "Ed25519";
            default -> throw new IOException(source + ": unsupported key type " + UNSUPPORTED.getOrDefault(oid, "with OID " + oid)
                    + "; use an RSA, EC or Ed25519 key");
        };
        return generate(algorithm, der, source);
    }

    /** The namedCurve OID element from a SEC1 ECPrivateKey's {@code [0] parameters}. */
    private static byte[] sec1Curve(byte[] der, String source) throws IOException {
        PemDer.Reader key = new PemDer.Reader(der).next(PemDer.SEQUENCE, "ECPrivateKey").children();
        key.next(PemDer.INTEGER, "version");
        key.next(PemDer.OCTET_STRING, "private key");
        while (key.hasNext()) {
            PemDer.Element element = key.next();
            if (element.tag() == PemDer.CONTEXT_0) {
                PemDer.Element parameters = element.children().next();
                if (parameters.tag() != PemDer.OID) {
                    throw new IOException(source + ": EC key with explicit curve parameters is not supported;"
                            + " use a named curve (openssl ecparam -name prime256v1 -genkey)");
                }
                return parameters.encoded();
            }
        }
        throw new IOException(source + ": EC key does not name its curve; write it with its parameters"
                + " or as PKCS#8 (openssl pkey -in key.pem -out key8.pem)");
    }

    private static byte[] wrap(byte[] algorithmIdentifier, byte[] inner) {
        return PemDer.encode(PemDer.SEQUENCE, PemDer.encode(PemDer.INTEGER, new byte[] {0}), algorithmIdentifier,
                PemDer.encode(PemDer.OCTET_STRING, inner));
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8, String source) throws IOException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            String hint = algorithm.equals("EC") ? "; this JVM may not know the curve: prime256v1, secp384r1 and secp521r1 work" : "";
            throw new IOException(source + ": not a usable " + algorithm + " private key: " + e.getMessage() + hint, e);
        }
    }
}
