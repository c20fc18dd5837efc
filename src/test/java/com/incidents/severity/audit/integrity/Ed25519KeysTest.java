package com.incidents.severity.audit.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;

/** The public key derived from a PKCS#8 private key alone is the key pair's own, for many keys. */
class Ed25519KeysTest {

    @Test
    void thePublicKeyDerivedFromThePrivateKeyIsTheKeyPairs() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 200; i++) {
            KeyPair pair = generator.generateKeyPair();
            var read = Ed25519Keys.fromPem(Ed25519Keys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            assertArrayEquals(pair.getPublic().getEncoded(), Ed25519Keys.publicKeyOf(read).getEncoded(), "key " + i);
        }
    }

    @Test
    void aKeyWrittenByOpensslIsRead() throws Exception {
        // openssl genpkey -algorithm ed25519 (RFC 8410 test key, section 10.3), and its public key
        String pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        var publicKey = Ed25519Keys.publicKeyOf(Ed25519Keys.fromPem(pem));
        assertEquals("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                java.util.Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }
}
