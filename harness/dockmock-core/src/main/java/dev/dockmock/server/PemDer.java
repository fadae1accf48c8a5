package dev.dockmock.server;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Just enough DER to look inside private keys and wrap them into PKCS#8. */
final class PemDer {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    private PemDer() {
    }

    /** One tag-length-value element inside {@code source}. */
    record Element(int tag, byte[] source, int start, int contentStart, int end) {

        byte[] content() {
            return Arrays.copyOfRange(source, contentStart, end);
        }

        /** The whole element, tag and length included. */
        byte[] encoded() {
            return Arrays.copyOfRange(source, start, end);
        }

        /** The elements inside a constructed element such as a SEQUENCE. */
        Reader children() {
            return new Reader(source, contentStart, end);
        }
    }

    /** Reads consecutive elements; throws {@link IllegalArgumentException} on malformed input. */
    static final class Reader {
        private final byte[] source;
        private final int end;
        private int position;

        Reader(byte[] source) {
            this(source, 0, source.length);
        }

        private Reader(byte[] source, int start, int end) {
            this.source = source;
            this.position = start;
            this.end = end;
        }

        boolean hasNext() {
            return position < end;
        }

        Element next() {
            int start = position;
            if (end - position < 2) {
                throw new IllegalArgumentException("truncated DER element");
            }
            int tag = source[position++] & 0xFF;
            int length = source[position++] & 0xFF;
            if (length == 0x80 || length == 0xFF) {
                throw new IllegalArgumentException("DER element of indefinite length");
            }
            if (length > 0x80) {
                int octets = length - 0x80;
                if (octets > 3 || end - position < octets) {
                    throw new IllegalArgumentException("DER length too large");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (source[position++] & 0xFF);
                }
            }
            if (length > end - position) {
                throw new IllegalArgumentException("truncated DER element");
            }
            int contentStart = position;
            position += length;
            return new Element(tag, source, start, contentStart, position);
        }

        /** The next element, which must carry {@code tag}. */
        Element next(int tag, String what) {
            Element element = next();
            if (element.tag() != tag) {
                throw new IllegalArgumentException("expected " + what + " but found DER tag 0x" + Integer.toHexString(element.tag()));
            }
            return element;
        }
    }

    /** Encodes one element from its tag and the concatenation of {@code parts}. */
    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 + octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    /** An OID in dotted form, such as {@code 1.2.840.10045.3.1.7}. */
    static String oid(Element element) {
        byte[] bytes = element.content();
        StringBuilder dotted = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : bytes) {
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) != 0) {
                continue;
            }
            if (first) {
                int root = (int) Math.min(value / 40, 2);
                dotted.append(root).append('.').append(value - 40L * root);
                first = false;
            } else {
                dotted.append('.').append(value);
            }
            value = 0;
        }
        return dotted.toString();
    }

    /** Encodes a dotted OID. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 1; i < arcs.length; i++) {
            long value = Long.parseLong(arcs[i]) + (i == 1 ? 40L * Long.parseLong(arcs[0]) : 0);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                content.write((int) ((value >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return encode(OID, content.toByteArray());
    }
}
