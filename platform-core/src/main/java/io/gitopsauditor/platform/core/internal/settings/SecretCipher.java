package io.gitopsauditor.platform.core.internal.settings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the secret's name as associated data: a
 * value copied onto another name's row does not decrypt, and a changed byte is detected.
 */
final class SecretCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value: the nonce it was encrypted with, and the ciphertext with its tag. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /** The tag did not match: another key, another name, or a damaged value. */
    static final class WrongKeyOrDamaged extends Exception {
        private static final long serialVersionUID = 1L;

        WrongKeyOrDamaged(Throwable cause) {
            super(cause);
        }
    }

    private SecretCipher() {
    }

    static Sealed seal(SecretKey key, String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this Java runtime: " + e.getMessage(), e);
        }
    }

    static String open(SecretKey key, String name, Sealed sealed) throws WrongKeyOrDamaged {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKeyOrDamaged(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this Java runtime: " + e.getMessage(), e);
        }
    }
}
