package com.incidents.severity.audit.integrity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.KeyAgreement;

/**
 * Ed25519 keys with the JDK alone. A PKCS#8 file (as {@code openssl genpkey -algorithm ed25519}
 * writes it) holds only the private key, and the JDK offers no way to derive its public key; it is
 * derived here through X25519 on the birationally equivalent curve: {@code u = [a]9} gives
 * {@code y = (u - 1) / (u + 1)}, and the sign of {@code x} is the one whose key verifies a signature.
 */
public final class Ed25519Keys {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private Ed25519Keys() {
    }

    public static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The private key of a PEM {@code PRIVATE KEY} block (PKCS#8). */
    public static PrivateKey fromPem(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return privateKey(Base64.getDecoder().decode(body));
    }

    public static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the Ed25519 private key has no seed"));
        byte[] a = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
        a[0] &= (byte) 248;
        a[31] &= 127;
        a[31] |= 64;
        KeyAgreement x25519 = KeyAgreement.getInstance("X25519");
        KeyFactory xdh = KeyFactory.getInstance("XDH");
        x25519.init(xdh.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, a)));
        x25519.doPhase(xdh.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9))), true);
        BigInteger u = littleEndian(x25519.generateSecret());
        BigInteger y = u.subtract(BigInteger.ONE).multiply(u.add(BigInteger.ONE).modInverse(P)).mod(P);
        byte[] probe = "ed25519 public key probe".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(key, probe);
        KeyFactory ed = KeyFactory.getInstance("Ed25519");
        for (boolean xOdd : new boolean[] { false, true }) {
            PublicKey candidate = ed.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                    new EdECPoint(xOdd, y)));
            if (verify(candidate, probe, signature)) {
                return candidate;
            }
        }
        throw new GeneralSecurityException("no public key verifies a signature of this Ed25519 private key");
    }

    public static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }
}
