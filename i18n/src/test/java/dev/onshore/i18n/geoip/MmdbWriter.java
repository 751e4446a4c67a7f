package dev.onshore.i18n.geoip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small but real MaxMind DB (format 2.0, IPv6 tree, 24-bit records) so tests can have networks the
 * public test databases lack (Indonesia) and can change a database under a running lookup. Values are strings,
 * unsigned ints and maps, enough for GeoIP2-style ({@code country.iso_code}) and ip-location-db-style
 * ({@code country_code}) records.
 */
final class MmdbWriter {

    private final String databaseType;
    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    MmdbWriter(String databaseType) {
        this.databaseType = databaseType;
    }

    /** GeoIP2 shape: {@code {country: {iso_code: XX}}}. */
    MmdbWriter geoIp2(String cidr, String isoCode) {
        return insert(cidr, Map.of("country", Map.of("iso_code", isoCode)));
    }

    /** ip-location-db shape: {@code {country_code: XX}}. */
    MmdbWriter countryCode(String cidr, String isoCode) {
        return insert(cidr, Map.of("country_code", isoCode));
    }

    MmdbWriter insert(String cidr, Map<String, ?> record) {
        int slash = cidr.indexOf('/');
        byte[] address = parse(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        byte[] v6 = address;
        if (address.length == 4) {
            v6 = new byte[16];
            System.arraycopy(address, 0, v6, 12, 4);
            prefix += 96;
        }
        int offset = data.size();
        writeValue(record);
        Node node = root;
        for (int bit = 0; bit < prefix; bit++) {
            int b = (v6[bit / 8] >> (7 - bit % 8)) & 1;
            if (bit == prefix - 1) {
                node.data[b] = offset;
                node.children[b] = null;
            } else {
                if (node.children[b] == null) {
                    node.children[b] = new Node();
                }
                node = node.children[b];
            }
        }
        return this;
    }

    void write(Path file) throws IOException {
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        int count = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            for (int side = 0; side < 2; side++) {
                long record = node.children[side] != null ? node.children[side].number
                        : node.data[side] >= 0 ? count + 16L + node.data[side] : count;
                out.write((int) (record >> 16) & 0xff);
                out.write((int) (record >> 8) & 0xff);
                out.write((int) record & 0xff);
            }
        }
        out.write(new byte[16]);
        out.write(data.toByteArray());
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", new Uint(2, 5));
        metadata.put("binary_format_minor_version", new Uint(0, 5));
        metadata.put("build_epoch", new Uint(System.currentTimeMillis() / 1000, 9));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "written by Onshore tests"));
        metadata.put("ip_version", new Uint(6, 5));
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", new Uint(count, 6));
        metadata.put("record_size", new Uint(24, 5));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        encode(meta, metadata);
        out.write(meta.toByteArray());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, out.toByteArray());
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeValue(Object value) {
        encode(data, value);
    }

    private static void number(Node node, List<Node> nodes) {
        node.number = nodes.size();
        nodes.add(node);
        for (Node child : node.children) {
            if (child != null) {
                number(child, nodes);
            }
        }
    }

    private static byte[] parse(String literal) {
        return InetAddress.ofLiteral(literal).getAddress();
    }

    private record Uint(long value, int type) {
    }

    private static void encode(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case String s -> {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                control(out, 2, bytes.length);
                out.writeBytes(bytes);
            }
            case Uint u -> {
                byte[] bytes = BigInteger.valueOf(u.value()).toByteArray();
                int start = bytes[0] == 0 ? 1 : 0;
                int length = bytes.length - start;
                if (u.value() == 0) {
                    length = 0;
                }
                control(out, u.type(), length);
                out.write(bytes, bytes.length - length, length);
            }
            case Map<?, ?> m -> {
                control(out, 7, m.size());
                m.forEach((k, v) -> {
                    encode(out, k);
                    encode(out, v);
                });
            }
            case List<?> l -> {
                control(out, 11, l.size());
                l.forEach(v -> encode(out, v));
            }
            default -> throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void control(ByteArrayOutputStream out, int type, int size) {
        int typeBits = type <= 7 ? type : 0;
        int sizeBits;
        byte[] extra;
        if (size < 29) {
            sizeBits = size;
            extra = new byte[0];
        } else if (size < 285) {
            sizeBits = 29;
            extra = new byte[] {(byte) (size - 29)};
        } else {
            sizeBits = 30;
            int rest = size - 285;
            extra = new byte[] {(byte) (rest >> 8), (byte) rest};
        }
        out.write((typeBits << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        out.writeBytes(extra);
    }

    private static final class Node {
        final Node[] children = new Node[2];
        final int[] data = {-1, -1};
        int number;
    }
}
