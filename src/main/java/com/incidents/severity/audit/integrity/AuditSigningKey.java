package com.incidents.severity.audit.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.AuditConfig;

import io.quarkus.runtime.Startup;

/**
 * The Ed25519 key that signs retention checkpoints and chain heads. It never comes from the
 * database: {@code severity.audit.signing.key} (base64 PKCS#8), else the PEM file
 * {@code severity.audit.signing.key-file}, made with a new key at the first start when it does not
 * exist. Loaded at start, so a bad key stops the service then; the private key is never logged.
 */
@Startup
@ApplicationScoped
public class AuditSigningKey {

    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class);

    @Inject
    AuditConfig config;

    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        try {
            if (config.signing().key().isPresent()) {
                privateKey = Ed25519Keys.privateKey(Base64.getDecoder().decode(config.signing().key().get().strip()));
                describe("from severity.audit.signing.key");
                return;
            }
            Path file = OutsideData.path(config, config.signing().keyFile(), "audit-keys", "signing-key.pem",
                    "severity.audit.signing.key-file");
            if (!Files.exists(file) && generate(file)) {
                describe("newly made in " + file + " (none was configured): keep that file out of reach of the database's"
                        + " writers, back it up, and give every replica the same key");
                return;
            }
            privateKey = Ed25519Keys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            describe("from " + file);
            warnIfOthersMayRead(file);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot load the audit signing key (severity.audit.signing.*): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes a new key to {@code file}, unless another process made it first (then false, and it is read). */
    private boolean generate(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        PrivateKey made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(partial, Ed25519Keys.toPem("PRIVATE KEY", made.getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.createLink(file, partial); // fails if another replica made the file first: theirs counts
            privateKey = made;
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warnf("The audit signing key file %s may be read by other users (%s): chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        }
    }

    private void describe(String origin) throws GeneralSecurityException {
        publicKey = Ed25519Keys.publicKeyOf(privateKey);
        keyId = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(publicKey.getEncoded()));
        LOG.infof("Audit signing key %s (Ed25519) %s; its public key is served at GET /api/v1/audit/key", keyId, origin);
    }

    /** Base64 of the Ed25519 signature of {@code payload} (UTF-8). */
    public String sign(String payload) {
        try {
            return Base64.getEncoder().encodeToString(Ed25519Keys.sign(privateKey, payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} (base64) is this key's signature of {@code payload}. */
    public boolean verifies(String payload, String signature) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return Ed25519Keys.verify(publicKey, payload.getBytes(StandardCharsets.UTF_8), raw);
    }

    /** SHA-256 (hex) of the public key's X.509 encoding: names the key in signed heads and checkpoints. */
    public String keyId() {
        return keyId;
    }

    /** The public key, X.509 SubjectPublicKeyInfo, as PEM. */
    public String publicKeyPem() {
        return Ed25519Keys.toPem("PUBLIC KEY", publicKey.getEncoded());
    }
}
