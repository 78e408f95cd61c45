package io.gitopsauditor.platform.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");

    @Test
    void theSameValueSealsDifferentlyEachTimeAndOpensBack() throws Exception {
        SecretCipher.Sealed first = SecretCipher.seal(key, "github.token", "ghp_value");
        SecretCipher.Sealed second = SecretCipher.seal(key, "github.token", "ghp_value");

        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(SecretCipher.open(key, "github.token", first)).isEqualTo("ghp_value");
    }

    @Test
    void aValueMovedToAnotherNameDoesNotOpen() {
        SecretCipher.Sealed sealed = SecretCipher.seal(key, "audit.key", "value");

        assertThatThrownBy(() -> SecretCipher.open(key, "github.token", sealed)).isInstanceOf(SecretCipher.WrongKeyOrDamaged.class);
    }
}
