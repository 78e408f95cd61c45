package io.gitopsauditor.platform.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aStandInHashIsCheckedAtTheSameCostAsARealOne() {
        String real = PasswordHasher.hash("correct horse battery staple");
        String standIn = PasswordHasher.standIn();

        assertThat(parameters(standIn)).isEqualTo(parameters(real)).isEqualTo("$argon2id$v=19$m=19456,t=2,p=1");
        assertThat(standIn.length()).isEqualTo(real.length());
    }

    @Test
    void aStandInHashAcceptsNoPassword() {
        String standIn = PasswordHasher.standIn();

        assertThat(PasswordHasher.verify("", standIn)).isFalse();
        assertThat(PasswordHasher.verify("not a password anybody has", standIn)).isFalse();
    }

    @Test
    void everyStandInHashIsDifferent() {
        assertThat(PasswordHasher.standIn()).isNotEqualTo(PasswordHasher.standIn());
    }

    private static String parameters(String phc) {
        return phc.substring(0, phc.lastIndexOf('$', phc.lastIndexOf('$') - 1));
    }
}
