package com.incidents.severity.audit.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.AuditConfig;

/** Where the signing key comes from: a configured value, a file, or a new file made at the first start; never the data folder. */
class AuditSigningKeyTest {

    @Test
    void aConfiguredBase64KeyIsUsed() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditSigningKey key = load(Path.of("unused-data"),
                Optional.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())), Optional.empty());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded())),
                key.keyId());
        String signature = key.sign("severity-audit-head-v1|1|abc|2026-01-01T00:00:00Z");
        assertTrue(key.verifies("severity-audit-head-v1|1|abc|2026-01-01T00:00:00Z", signature));
        assertFalse(key.verifies("severity-audit-head-v1|2|abc|2026-01-01T00:00:00Z", signature));
    }

    @Test
    void withoutAKeyOneIsMadeIntoTheKeyFileReadableByItsOwnerOnlyAndReadAtTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("signing-key-");
        Path file = dir.resolve("keys/signing-key.pem");
        AuditSigningKey made = load(dir.resolve("data"), Optional.empty(), Optional.of(file.toString()));
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(made.keyId(), load(dir.resolve("data"), Optional.empty(), Optional.of(file.toString())).keyId());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no partial file left");
        }
        // the default: beside the data folder
        AuditSigningKey byDefault = load(dir.resolve("data"), Optional.empty(), Optional.empty());
        assertTrue(Files.exists(dir.resolve("audit-keys/signing-key.pem")));
        assertFalse(byDefault.keyId().equals(made.keyId()));
    }

    @Test
    void aKeyFileInsideTheDataFolderIsRefused() throws Exception {
        Path data = Files.createTempDirectory("signing-data-");
        var e = assertThrows(IllegalStateException.class,
                () -> load(data, Optional.empty(), Optional.of(data.resolve("keys/k.pem").toString())));
        assertTrue(e.getMessage().contains("inside severity.audit.data-dir"), e.getMessage());
    }

    private static AuditSigningKey load(Path data, Optional<String> key, Optional<String> keyFile) {
        AuditConfig.Signing signing = proxy(AuditConfig.Signing.class, name -> switch (name) {
            case "key" -> key;
            case "keyFile" -> keyFile;
            default -> throw new UnsupportedOperationException(name);
        });
        AuditSigningKey k = new AuditSigningKey();
        k.config = proxy(AuditConfig.class, name -> switch (name) {
            case "dataDir" -> data.toString();
            case "signing" -> signing;
            default -> throw new UnsupportedOperationException(name);
        });
        k.load();
        return k;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (p, method, args) -> answers.apply(method.getName()));
    }
}
