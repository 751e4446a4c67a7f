package dev.onshore.was;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** ECB reference-rate files the tests import, from {@code src/test/resources/rates}. */
public final class EcbFiles {

    /** A daily file of 2026-06-17: USD 1.16, KRW 1600 and THB 38 per EUR. */
    public static final String JUNE_17 = read("/rates/ecb-2026-06-17.xml");

    private EcbFiles() {
    }

    private static String read(String resource) {
        try (InputStream in = EcbFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
